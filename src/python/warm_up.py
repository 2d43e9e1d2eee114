"""The engine's warm-up program (src/python/worker.ts runs it right after Python starts; its output is dropped).

It does, on a small scale, what the book's cells do: defines and calls functions, loops over records, builds
lists and dicts with comprehensions, catches an exception, formats numbers and prints. Running it makes the
interpreter's hot paths hot, so that the browser compiles them with its optimising compiler now rather than
during a student's first runs.
"""


def mean(values):
    return sum(values) / len(values)


requests = [{"id": n, "latency_ms": (n * 37) % 101 / 10, "ok": n % 7 != 0} for n in range(40)]
served = [r["latency_ms"] for r in requests if r["ok"]]
summary = {"served": len(served), "mean": round(mean(served), 3), "max": max(served)}
try:
    failure_rate = (len(requests) - summary["served"]) / len(requests)
    ratio = summary["served"] / (len(requests) - len(requests))
except ZeroDivisionError:
    ratio = float("inf")
labels = sorted(word.upper() for word in "drift latency model data".split())
print(f"{summary['served']} из {len(requests)}: среднее {summary['mean']:.2f} мс", failure_rate, ratio, labels[0], sep=" | ")
summary
