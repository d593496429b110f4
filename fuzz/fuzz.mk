# fuzz.mk: build kiji's libFuzzer harnesses with clang, outside automake, in
# a private directory.  Used by tests/hostile/fuzz-smoke.sh and `make fuzz`:
#
#     make -f SRCDIR/fuzz/fuzz.mk -C OUTDIR VARS=BUILDDIR/fuzz/vars.mk
#
# vars.mk (written by `make`, see mk/hostile.am) gives SRCDIR, BUILDDIR (for
# config.h), DEPS_CFLAGS, DEPS_LIBS, LIB_SOURCES and HARNESSES.
include $(VARS)

FUZZ_CC ?= clang
SAN = -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS = -g -O1 -Wall -Wextra -Wno-unused-parameter -fno-omit-frame-pointer $(SAN) -fsanitize=fuzzer-no-link \
	-I$(BUILDDIR) -I$(SRCDIR)/src -I$(SRCDIR)/fuzz $(DEPS_CFLAGS) \
	-DLOCALEDIR=\"/nonexistent\" -DSYSCONFDIR=\"/nonexistent\" \
	-DPKGDATADIR=\"/nonexistent\" -MMD -MP

LIB_OBJS = $(patsubst %.c,obj/%.o,$(notdir $(LIB_SOURCES)))
PROGS = $(HARNESSES)

vpath %.c $(SRCDIR)/src $(SRCDIR)/fuzz

all: $(PROGS)

obj/%.o: %.c
	@mkdir -p obj
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

libkiji-fuzz.a: $(LIB_OBJS)
	rm -f $@
	ar cr $@ $(LIB_OBJS)

%-fuzz: obj/%-fuzz.o obj/fuzz-common.o libkiji-fuzz.a
	$(FUZZ_CC) $(SAN) -fsanitize=fuzzer obj/$@.o obj/fuzz-common.o \
	    libkiji-fuzz.a $(DEPS_LIBS) -o $@

-include obj/*.d

.PHONY: all
