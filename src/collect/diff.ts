// Collect: a unified diff of two texts (for `collect import --dry-run`), lines compared by longest common subsequence.

type Op = { op: " " | "-" | "+"; line: string; a: number; b: number };

/** `--- a/file`, `+++ b/file`, then one hunk per group of changes with `context` lines around. */
export function unifiedDiff(file: string, before: string, after: string, context = 2): string {
  const a = before.split("\n");
  const b = after.split("\n");
  // Common head and tail first: a collection changes a few lines of a file.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Op[] = [];
  for (let k = 0; k < start; k++) ops.push({ op: " ", line: a[k], a: k, b: k });
  const ma = a.slice(start, endA);
  const mb = b.slice(start, endB);
  if (ma.length * mb.length > 4_000_000) {
    ma.forEach((line, k) => ops.push({ op: "-", line, a: start + k, b: start }));
    mb.forEach((line, k) => ops.push({ op: "+", line, a: endA, b: start + k }));
  } else {
    const lcs: number[][] = Array.from({ length: ma.length + 1 }, () => new Array<number>(mb.length + 1).fill(0));
    for (let i = ma.length - 1; i >= 0; i--) for (let j = mb.length - 1; j >= 0; j--) lcs[i][j] = ma[i] === mb[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < ma.length || j < mb.length) {
      if (i < ma.length && j < mb.length && ma[i] === mb[j]) {
        ops.push({ op: " ", line: ma[i], a: start + i, b: start + j });
        i++;
        j++;
      } else if (i < ma.length && (j >= mb.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.push({ op: "-", line: ma[i], a: start + i, b: start + j });
        i++;
      } else {
        ops.push({ op: "+", line: mb[j], a: start + i, b: start + j });
        j++;
      }
    }
  }
  for (let k = 0; k < a.length - endA; k++) ops.push({ op: " ", line: a[endA + k], a: endA + k, b: endB + k });
  const out = [`--- a/${file}`, `+++ b/${file}`];
  let k = 0;
  while (k < ops.length) {
    if (ops[k].op === " ") {
      k++;
      continue;
    }
    let from = Math.max(0, k - context);
    let to = k;
    // Extend the hunk while the next change is within two contexts.
    for (;;) {
      while (to < ops.length && ops[to].op !== " ") to++;
      let next = to;
      while (next < ops.length && ops[next].op === " ") next++;
      if (next < ops.length && next - to <= 2 * context) to = next;
      else break;
    }
    const end = Math.min(ops.length, to + context);
    const hunk = ops.slice(from, end);
    const countA = hunk.filter((o) => o.op !== "+").length;
    const countB = hunk.filter((o) => o.op !== "-").length;
    out.push(`@@ -${hunk[0].a + 1},${countA} +${hunk[0].b + 1},${countB} @@`, ...hunk.map((o) => o.op + o.line));
    k = end;
    from = end;
  }
  return out.join("\n") + "\n";
}
