/*
 * runtime: runs a command once and prints its wall time in nanoseconds,
 * its peak resident set in kilobytes and its CPU time (user and system,
 * with the processes it waited for) in nanoseconds, "NS KB CPU_NS", on
 * standard output.
 *
 * The benchmark driver is a Python process; a child it spawned would
 * inherit its peak RSS (Linux carries the high-water mark across exec),
 * so every measured command is forked from this small program instead.
 * Wall time runs from just before fork to the return of waitpid, so it
 * includes the process start.  Exits 1 when the command fails.
 *
 * Usage: runtime CMD [ARG...]
 */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	int status;
	pid_t pid;

	if (argc < 2) {
		fprintf(stderr, "usage: runtime CMD [ARG...]\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((pid = fork()) < 0) {
		perror("fork");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		perror(argv[1]);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0) {
		perror("waitpid");
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	/* The only child waited for: its peak is the children's peak. */
	getrusage(RUSAGE_CHILDREN, &ru);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "runtime: %s failed (status %d)\n", argv[1],
		    status);
		return 1;
	}
	printf("%lld %ld %lld\n", (long long)(t1.tv_sec - t0.tv_sec) *
	    1000000000 + (t1.tv_nsec - t0.tv_nsec), ru.ru_maxrss,
	    ((long long)ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000 +
	    ((long long)ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000);
	return 0;
}
