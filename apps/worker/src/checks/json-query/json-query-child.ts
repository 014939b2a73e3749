/**
 * The program of a JSON-query process, as JavaScript source run with `node -e`, so the same
 * code runs from the compiled worker and from TypeScript sources under the test runner. It
 * parses the body and evaluates the expression for one task at a time, and answers
 * `String(result)` cut just past `maxChars`, with whether it equals the expected value
 * (compared in full, before the cut). It says `ready` once it can take tasks. Its one argument
 * is where jsonata is installed.
 */
export const JSON_QUERY_CHILD_SOURCE = `
const jsonata = require(process.argv[1]);
process.send({ kind: 'ready' });
process.on('message', async (task) => {
  let data;
  try {
    data = JSON.parse(task.body);
  } catch (error) {
    process.send({ id: task.id, kind: 'bad-json', error: String(error.message) });
    return;
  }
  try {
    const text = String(await jsonata(task.expression).evaluate(data));
    process.send({
      id: task.id,
      kind: 'value',
      matches: text === task.expectedValue,
      value: text.slice(0, task.maxChars + 1),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message || error.name : String(error && error.message);
    process.send({ id: task.id, kind: 'failed', error: message });
  }
});
`;
