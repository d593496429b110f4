/* queue: a thread-safe FIFO of messages plus a wake pipe. */
#include "config.h"
#include "queue.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "xalloc.h"

struct queue_node {
	struct queue_node	*next;
	struct queue_msg	*msg;
};

struct queue {
	pthread_mutex_t		 lock;
	struct queue_node	*head;
	struct queue_node	*tail;
	size_t			 length;
	int			 pipe[2];	/* [0] read by the consumer */
	int			 pending;	/* a wake byte is in the pipe */
};

struct queue *
queue_new(char **cause)
{
	struct queue	*q = xcalloc(1, sizeof *q);

	if (pipe2(q->pipe, O_NONBLOCK | O_CLOEXEC) == -1) {
		if (cause != NULL) {
			*cause = xasprintf(_("cannot create a pipe: %s"),
			    strerror(errno));
		}
		free(q);
		return NULL;
	}
	pthread_mutex_init(&q->lock, NULL);
	return q;
}

void
queue_free(struct queue *q)
{
	struct queue_msg	*m;

	if (q == NULL) {
		return;
	}
	while ((m = queue_pop(q)) != NULL) {
		free(m);
	}
	close(q->pipe[0]);
	close(q->pipe[1]);
	pthread_mutex_destroy(&q->lock);
	free(q);
}

void
queue_post(struct queue *q, int type, const void *data, size_t len)
{
	struct queue_node	*n = xmalloc(sizeof *n);
	ssize_t			 w;

	n->next = NULL;
	n->msg = xmalloc(sizeof *n->msg + len + 1);
	n->msg->type = type;
	n->msg->len = len;
	if (len > 0) {
		memcpy(n->msg->data, data, len);
	}
	n->msg->data[len] = '\0';

	pthread_mutex_lock(&q->lock);
	if (q->tail == NULL) {
		q->head = n;
	} else {
		q->tail->next = n;
	}
	q->tail = n;
	q->length++;
	if (!q->pending) {
		/* One byte is enough to wake the consumer; the pipe cannot
		 * fill up because at most one byte is in it. */
		do {
			w = write(q->pipe[1], "", 1);
		} while (w == -1 && errno == EINTR);
		q->pending = 1;
	}
	pthread_mutex_unlock(&q->lock);
}

struct queue_msg *
queue_pop(struct queue *q)
{
	struct queue_node	*n;
	struct queue_msg	*m = NULL;

	pthread_mutex_lock(&q->lock);
	n = q->head;
	if (n != NULL) {
		q->head = n->next;
		if (q->head == NULL) {
			q->tail = NULL;
		}
		q->length--;
		m = n->msg;
		free(n);
	}
	pthread_mutex_unlock(&q->lock);
	return m;
}

int
queue_fd(const struct queue *q)
{
	return q->pipe[0];
}

void
queue_drain(struct queue *q)
{
	char	buf[64];

	pthread_mutex_lock(&q->lock);
	while (read(q->pipe[0], buf, sizeof buf) > 0) {
		continue;
	}
	q->pending = 0;
	pthread_mutex_unlock(&q->lock);
}

size_t
queue_length(struct queue *q)
{
	size_t	n;

	pthread_mutex_lock(&q->lock);
	n = q->length;
	pthread_mutex_unlock(&q->lock);
	return n;
}
