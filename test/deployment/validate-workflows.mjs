// Checks GitHub Actions workflow files with GitHub's own parser, the one behind the Actions
// language service (@actions/workflow-parser): the workflow schema, expressions, job graph.
// The package is ESM-only and imports its JSON schema without an import attribute, so
// workflows.repo.test.ts runs this script through tsx rather than importing it:
//   npx tsx test/deployment/validate-workflows.mjs <workflow.yml>...
// Prints [{ "file": …, "errors": ["…"] }] as JSON on stdout.
import { readFile } from 'node:fs/promises';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';

async function errorsOf(file) {
  const content = await readFile(file, 'utf8');
  const result = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  if (result.value !== undefined && result.context.errors.count === 0) {
    await convertWorkflowTemplate(result.context, result.value);
  }
  return result.context.errors.getErrors().map((error) => error.message);
}

const files = process.argv.slice(2);
const report = await Promise.all(files.map(async (file) => ({ file, errors: await errorsOf(file) })));
process.stdout.write(`${JSON.stringify(report)}\n`);
