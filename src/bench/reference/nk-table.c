/*
 * The reference point of `npm run bench` for the NK table: the same algorithm as
 * buildTable in src/model/landscape/nk.ts (each bit's table index split into parts
 * from the low and the high half of the solution, tabulated once; then, for every
 * solution, the N contributions summed in bit order), as a plain C loop, followed by
 * the maximum and the normalisation. N = 20, K = 5; prints the median of 9 builds
 * in milliseconds. Compiled by the benchmark with `cc -O2` when a C compiler exists.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { N = 20, K = 5, WIDTH = 1 << (K + 1), REPEATS = 9 };

static void partial(const int *weight, int first, int count, int stride, int *out) {
  for (int i = 0; i < N; i++) out[i] = i * stride;
  for (int v = 1; v < (1 << count); v++) {
    int lowest = __builtin_ctz(v), prev = v & (v - 1);
    for (int i = 0; i < N; i++) out[v * N + i] = out[prev * N + i] + weight[i * N + first + lowest];
  }
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(void) {
  int deps[N * K];
  double *contributions = malloc(sizeof(double) * N * WIDTH);
  srand(2007);
  for (int e = 0; e < N * K; e++) deps[e] = rand() % N;
  for (int e = 0; e < N * WIDTH; e++) contributions[e] = rand() / (RAND_MAX + 1.0);
  double times[REPEATS], checksum = 0;
  for (int r = 0; r < REPEATS; r++) {
    double start = now_ms();
    int weight[N * N];
    memset(weight, 0, sizeof weight);
    for (int i = 0; i < N; i++) {
      weight[i * N + i] += 1;
      for (int j = 0; j < K; j++) weight[i * N + deps[i * K + j]] += 1 << (j + 1);
    }
    int lowBits = N / 2, highBits = N - lowBits;
    int *low = malloc(sizeof(int) * (N << lowBits)), *high = malloc(sizeof(int) * (N << highBits));
    partial(weight, 0, lowBits, 0, low);
    partial(weight, lowBits, highBits, WIDTH, high);
    double *table = malloc(sizeof(double) << N);
    for (int h = 0; h < (1 << highBits); h++) {
      const int *base = high + h * N;
      for (int l = 0; l < (1 << lowBits); l++) {
        const int *part = low + l * N;
        double s = 0;
        for (int i = 0; i < N; i++) s += contributions[base[i] + part[i]];
        table[(h << lowBits) + l] = s;
      }
    }
    double max = table[0];
    for (int x = 1; x < (1 << N); x++) if (table[x] > max) max = table[x];
    for (int x = 0; x < (1 << N); x++) table[x] /= max;
    times[r] = now_ms() - start;
    checksum += table[12345];
    free(low);
    free(high);
    free(table);
  }
  qsort(times, REPEATS, sizeof(double), by_value);
  printf("%.2f %f\n", times[REPEATS / 2], checksum);
  return 0;
}
