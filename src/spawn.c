/* spawn: fork + execvp, argv only (see spawn.h). */
#include "config.h"
#include "spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cfg.h"
#include "i18n.h"
#include "url.h"
#include "xalloc.h"

bool
spawn_url_allowed(const char *url)
{
	return url_openable(url);
}

char **
spawn_argv(const char *command, const char *url, char **cause)
{
	char	**words = NULL, **argv;
	int	  n, i;
	bool	  placed = false;

	n = cfg_split(command, &words, cause);
	if (n < 0) {
		return NULL;
	}
	if (n == 0) {
		free(words);
		*cause = xstrdup(_("no browser: set the browser option or $BROWSER"));
		return NULL;
	}
	argv = xcalloc((size_t)n + 2, sizeof *argv);
	for (i = 0; i < n; i++) {
		if (strcmp(words[i], "%s") == 0) {
			argv[i] = xstrdup(url);
			placed = true;
		} else {
			argv[i] = xstrdup(words[i]);
		}
	}
	if (!placed) {
		argv[n] = xstrdup(url);
	}
	cfg_free_argv(words, n);
	return argv;
}

void
spawn_free(char **argv)
{
	size_t	i;

	if (argv == NULL) {
		return;
	}
	for (i = 0; argv[i] != NULL; i++) {
		free(argv[i]);
	}
	free(argv);
}

/* In the grandchild: detach, silence and exec; report errno on fd. */
static void __attribute__((noreturn))
spawn_exec_detached(char *const argv[], int fd)
{
	int	null, err;

	setsid();
	signal(SIGPIPE, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	null = open("/dev/null", O_RDWR);
	if (null >= 0) {
		dup2(null, 0);
		dup2(null, 1);
		dup2(null, 2);
		if (null > 2) {
			close(null);
		}
	}
	execvp(argv[0], argv);
	err = errno;
	if (write(fd, &err, sizeof err) < 0) {
		_exit(127);
	}
	_exit(127);
}

bool
spawn_detached(char *const argv[], char **cause)
{
	int	fds[2], err = 0, status;
	pid_t	pid;
	ssize_t	n;

	if (pipe2(fds, O_CLOEXEC) != 0) {
		*cause = xasprintf("pipe: %s", strerror(errno));
		return false;
	}
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		if (fork() == 0) {
			spawn_exec_detached(argv, fds[1]);
		}
		_exit(0);
	}
	close(fds[1]);
	if (pid < 0) {
		*cause = xasprintf("fork: %s", strerror(errno));
		close(fds[0]);
		return false;
	}
	waitpid(pid, &status, 0);
	do {
		n = read(fds[0], &err, sizeof err);
	} while (n < 0 && errno == EINTR);
	close(fds[0]);
	if (n == (ssize_t)sizeof err) {
		*cause = xasprintf(_("cannot run %s: %s"), argv[0], strerror(err));
		return false;
	}
	return true;
}

bool
spawn_wait(char *const argv[], char **cause)
{
	pid_t	pid, r;
	int	status;

	pid = fork();
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (pid < 0) {
		*cause = xasprintf("fork: %s", strerror(errno));
		return false;
	}
	do {
		r = waitpid(pid, &status, 0);
	} while (r < 0 && errno == EINTR);
	if (r < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		*cause = xasprintf(_("%s failed"), argv[0]);
		return false;
	}
	return true;
}
