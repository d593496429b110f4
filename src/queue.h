/* queue: a thread-safe FIFO of messages plus a wake descriptor.
 *
 * Any thread may post; one consumer poll()s queue_fd() for POLLIN, then
 * calls queue_drain() (clears the wake state) and queue_pop() until it
 * returns NULL.  Posting copies the bytes into one heap block the receiver
 * owns and frees with free(). */
#ifndef KIJI_QUEUE_H
#define KIJI_QUEUE_H

#include <stdbool.h>
#include <stddef.h>

struct queue_msg {
	int	 type;		/* the sender's message kind */
	size_t	 len;		/* bytes in data */
	char	 data[];	/* a copy of what was posted, NUL-terminated */
};

struct queue;

/* A new, empty queue with its wake pipe; NULL with *cause when the pipe
 * cannot be made. */
struct queue	*queue_new(char **cause);
void		 queue_free(struct queue *);	/* frees unread messages too */

/* Copy len bytes of data as a message of the given type, append it and wake
 * the consumer. */
void		 queue_post(struct queue *, int type, const void *data, size_t len);

/* The oldest message (the caller frees it with free()), or NULL. */
struct queue_msg *queue_pop(struct queue *);

/* The descriptor that becomes readable when messages are waiting. */
int		 queue_fd(const struct queue *);

/* Empty the wake pipe; call before popping so no wake-up is lost. */
void		 queue_drain(struct queue *);

/* Messages waiting (for tests and diagnostics). */
size_t		 queue_length(struct queue *);

#endif
