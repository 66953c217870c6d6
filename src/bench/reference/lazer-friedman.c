/*
 * The reference point of `npm run bench` for a whole Lazer & Friedman (2007) workload:
 * 100 landscapes (N = 20, K = 5, links drawn from all N bits with repeats, as the
 * paper's code), each built once and searched by 100 agents on a ring and on a fully
 * connected network for 100 synchronous rounds (copy the best neighbour if strictly
 * better, else flip one random bit and keep it if better), with the table built as in
 * nk-table.c. Plain C, no metrics beyond the final mean score; a xorshift generator.
 * Prints the mean final score of each network (a check that it searched).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { N = 20, K = 5, WIDTH = 1 << (K + 1), AGENTS = 100, ROUNDS = 100, LANDSCAPES = 100 };

static unsigned state = 2007;
static unsigned next_random(void) {
  state ^= state << 13;
  state ^= state >> 17;
  state ^= state << 5;
  return state;
}
static double uniform(void) { return next_random() / 4294967296.0; }

static void partial(const int *weight, int first, int count, int stride, int *out) {
  for (int i = 0; i < N; i++) out[i] = i * stride;
  for (int v = 1; v < (1 << count); v++) {
    int lowest = __builtin_ctz(v), prev = v & (v - 1);
    for (int i = 0; i < N; i++) out[v * N + i] = out[prev * N + i] + weight[i * N + first + lowest];
  }
}

static void build(double *table) {
  int deps[N * K], weight[N * N];
  double contributions[N * WIDTH];
  for (int e = 0; e < N * K; e++) deps[e] = next_random() % N;
  for (int e = 0; e < N * WIDTH; e++) contributions[e] = uniform();
  memset(weight, 0, sizeof weight);
  for (int i = 0; i < N; i++) {
    weight[i * N + i] += 1;
    for (int j = 0; j < K; j++) weight[i * N + deps[i * K + j]] += 1 << (j + 1);
  }
  static int low[N << (N / 2)], high[N << (N - N / 2)];
  partial(weight, 0, N / 2, 0, low);
  partial(weight, N / 2, N - N / 2, WIDTH, high);
  for (int h = 0; h < (1 << (N - N / 2)); h++) {
    for (int l = 0; l < (1 << (N / 2)); l++) {
      double s = 0;
      for (int i = 0; i < N; i++) s += contributions[high[h * N + i] + low[l * N + i]];
      table[(h << (N / 2)) + l] = s;
    }
  }
  double max = table[0];
  for (int x = 1; x < (1 << N); x++) if (table[x] > max) max = table[x];
  for (int x = 0; x < (1 << N); x++) table[x] /= max;
}

/* One run; ring: neighbours i-1 and i+1; full: everyone, scanned. Returns the mean score (fitness^8). */
static double search(const double *table, const unsigned *start, int full) {
  unsigned solution[AGENTS], next[AGENTS];
  memcpy(solution, start, sizeof solution);
  for (int t = 0; t < ROUNDS; t++) {
    for (int i = 0; i < AGENTS; i++) {
      double own = table[solution[i]], best = own;
      int who = -1;
      if (full) {
        for (int j = 0; j < AGENTS; j++) if (j != i && table[solution[j]] > best) best = table[solution[j]], who = j;
      } else {
        int left = (i + AGENTS - 1) % AGENTS, right = (i + 1) % AGENTS;
        if (table[solution[left]] > best) best = table[solution[left]], who = left;
        if (table[solution[right]] > best) best = table[solution[right]], who = right;
      }
      if (who >= 0) next[i] = solution[who];
      else {
        unsigned candidate = solution[i] ^ (1u << (next_random() % N));
        next[i] = table[candidate] > own ? candidate : solution[i];
      }
    }
    memcpy(solution, next, sizeof solution);
  }
  double score = 0;
  for (int i = 0; i < AGENTS; i++) {
    double f = table[solution[i]], f2 = f * f, f4 = f2 * f2;
    score += f4 * f4;
  }
  return score / AGENTS;
}

int main(void) {
  double *table = malloc(sizeof(double) << N), ring = 0, full = 0;
  unsigned start[AGENTS];
  for (int landscape = 0; landscape < LANDSCAPES; landscape++) {
    build(table);
    for (int i = 0; i < AGENTS; i++) start[i] = next_random() & ((1u << N) - 1);
    ring += search(table, start, 0);
    full += search(table, start, 1);
  }
  printf("ring %.3f full %.3f\n", ring / LANDSCAPES, full / LANDSCAPES);
  free(table);
  return 0;
}
