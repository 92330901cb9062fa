// `narada workflow run|validate|list|nodes|runs`: run the original narada workflow files, check them,
// list the shipped ones and yours, describe every node type, and show past runs.
import type { Argv, CommandModule } from 'yargs';
import { InvalidInputError } from '../../../domain/shared/errors.js';
import { TOKENS } from '../../di/tokens.js';
import { WORKFLOW } from '../../di/workflow.tokens.js';
import { withContext } from '../command.js';
import type { GlobalArgs } from '../global-options.js';
import { commandGroup, withHelp } from '../help.js';
import { WORKFLOW_HELP } from './workflow-help.js';

interface WorkflowArgs extends GlobalArgs {
  readonly workflow: string;
  readonly param?: readonly string[];
  readonly dryRun?: boolean;
  readonly allowEmpty?: boolean;
  readonly strict?: boolean;
}

interface RunsArgs extends GlobalArgs {
  readonly id?: number;
  readonly limit: number;
}

/** The workflow to act on and its parameters, as `run` and `validate` both take them. */
function workflowFileArgs(yargs: Argv<GlobalArgs>) {
  return yargs
    .positional('workflow', {
      type: 'string',
      demandOption: true,
      describe: 'A .json file, or a workflow id',
    })
    .option('param', {
      type: 'string',
      array: true,
      describe: 'Set a workflow parameter: --param playlist_id=<id or link> (repeatable)',
    })
    .option('strict', {
      type: 'boolean',
      default: false,
      describe: 'Treat warnings (config keys no node reads) as errors: exit 2',
    });
}

const runCommand: CommandModule<GlobalArgs, WorkflowArgs> = {
  command: 'run <workflow>',
  describe: 'Run a workflow file (or the id of a shipped workflow or one of yours)',
  builder: (yargs) =>
    workflowFileArgs(yargs)
      .option('dry-run', {
        type: 'boolean',
        default: false,
        describe: 'Plan every write and perform none',
      })
      .option('allow-empty', {
        type: 'boolean',
        default: false,
        describe: 'Let a destination remove every track of a playlist (refused otherwise)',
      }) as Argv<WorkflowArgs>,
  handler: withContext<WorkflowArgs>(async (ctx, args) => {
    const { resolveWorkflowFile } = await import('./workflow-files.js');
    const { renderRun, runFailure, runSummary } = await import('../views/workflow-report.js');
    const file = resolveWorkflowFile(args.workflow, {
      cwd: ctx.runtime.cwd,
      userDir: ctx.config.workflowsDir,
    });
    const parameters = parseParams(args.param ?? []);
    const strict = args.strict === true;
    const registry = await ctx.get(WORKFLOW.Registry);
    const { checkWorkflow } = await import('../../../application/workflow/workflow-checks.js');
    const { formatWorkflowIssue } = await import('../../../domain/workflow/workflow-definition.js');
    const check = { text: file.text, fallbackId: file.fallbackId, parameters, strict };
    for (const warning of checkWorkflow(check, registry).warnings)
      ctx.output.warn(`${file.label}: ${formatWorkflowIssue(warning)}`);
    const runner = await ctx.get(WORKFLOW.Run);
    const run = await runner.run({
      text: file.text,
      source: file.label,
      fallbackId: file.fallbackId,
      parameters,
      dryRun: args.dryRun === true,
      allowEmpty: args.allowEmpty === true,
      strict,
    });
    if (run.status === 'failed') {
      if (!ctx.output.json) for (const line of renderRun(run)) ctx.output.warn(line);
      throw runFailure(run);
    }
    ctx.output.result(runSummary(run), () => renderRun(run));
  }),
};

const validateCommand: CommandModule<GlobalArgs, WorkflowArgs> = {
  command: 'validate <workflow>',
  describe: 'Check a workflow without running it: every problem, with its task and field',
  builder: (yargs) => workflowFileArgs(yargs) as Argv<WorkflowArgs>,
  handler: withContext<WorkflowArgs>(async (ctx, args) => {
    const { resolveWorkflowFile } = await import('./workflow-files.js');
    const { WorkflowValidationError, formatWorkflowIssue } =
      await import('../../../domain/workflow/workflow-definition.js');
    const file = resolveWorkflowFile(args.workflow, {
      cwd: ctx.runtime.cwd,
      userDir: ctx.config.workflowsDir,
    });
    const result = (await ctx.get(WORKFLOW.Validate)).validate({
      text: file.text,
      parameters: parseParams(args.param ?? []),
      fallbackId: file.fallbackId,
      strict: args.strict === true,
    });
    if (!result.valid) {
      const invalid = new WorkflowValidationError(file.label, result.issues);
      if (!ctx.output.json) throw invalid;
      // Scripts read one document either way: the issues, errors first, then exit 2.
      ctx.output.result({ file: file.path, ...result }, () => []);
      const { ReportedFailure } = await import('../exit-codes.js');
      throw new ReportedFailure(invalid);
    }
    if (!ctx.output.json)
      for (const warning of result.issues) ctx.output.warn(`${file.label}: ${formatWorkflowIssue(warning)}`);
    ctx.output.result({ file: file.path, ...result }, (r) => [
      `${file.label} is valid: "${r.workflow?.name}" (${r.workflow?.id}), ${r.workflow?.tasks} tasks`,
      ...(r.needsParameters.length > 0
        ? [`To run it, pass ${r.needsParameters.map((name) => `--param ${name}=<value>`).join(' ')}`]
        : []),
    ]);
  }),
};

const listCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'list',
  describe: 'List the shipped workflows and yours (NARADA_HOME/workflows)',
  handler: withContext(async (ctx) => {
    const { listWorkflows } = await import('./workflow-files.js');
    const workflows = listWorkflows({ cwd: ctx.runtime.cwd, userDir: ctx.config.workflowsDir });
    ctx.output.result({ workflows, userDir: ctx.config.workflowsDir }, (r) => [
      ...r.workflows.map(
        (w) =>
          `${w.id.padEnd(26)} ${w.origin.padEnd(8)} ${w.name}${w.parameters.length > 0 ? `  [--param ${w.parameters.join(', ')}]` : ''}`,
      ),
      `Your own workflows go in ${r.userDir}; run one with \`narada workflow run <id>\`.`,
    ]);
  }),
};

const nodesCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'nodes',
  describe: 'Describe every node type: its parameters, their defaults, and what it does',
  handler: withContext(async (ctx) => {
    const { nodeCatalog, renderNodeCatalog } = await import('../views/workflow-nodes.js');
    ctx.output.result({ nodes: nodeCatalog(await ctx.get(WORKFLOW.Registry)) }, (r) =>
      renderNodeCatalog(r.nodes),
    );
  }),
};

const runsCommand: CommandModule<GlobalArgs, RunsArgs> = {
  command: 'runs [id]',
  describe: 'List past workflow runs, or show one',
  builder: (yargs) =>
    yargs.positional('id', { type: 'number', describe: 'A run number, to see its tasks' }).option('limit', {
      type: 'number',
      default: 20,
      describe: 'How many recent runs to list',
    }) as Argv<RunsArgs>,
  handler: withContext<RunsArgs>(async (ctx, args) => {
    const { renderRun, renderRunList, runSummary } = await import('../views/workflow-report.js');
    const runs = await ctx.get(WORKFLOW.Runs);
    // Runs whose process was killed are shown as `interrupted`, not as still `running`.
    await runs.interruptAbandoned((await ctx.get(TOKENS.Clock)).now());
    if (args.id !== undefined) {
      const run = await runs.get(args.id);
      if (run === null)
        throw new InvalidInputError(
          'WORKFLOW.NO_SUCH_RUN',
          `There is no workflow run #${args.id}; \`narada workflow runs\` lists them`,
        );
      ctx.output.result(runSummary(run), () => renderRun(run));
      return;
    }
    const list = await runs.list(Math.max(1, Math.floor(args.limit)));
    ctx.output.result({ runs: list.map(runSummary) }, () => renderRunList(list));
  }),
};

export const workflowCommand = commandGroup<GlobalArgs>(
  'workflow',
  'Run, check and list workflows (the original narada JSON format)',
  [
    withHelp(runCommand, WORKFLOW_HELP.run),
    withHelp(validateCommand, WORKFLOW_HELP.validate),
    withHelp(listCommand, WORKFLOW_HELP.list),
    withHelp(nodesCommand, WORKFLOW_HELP.nodes),
    withHelp(runsCommand, WORKFLOW_HELP.runs),
  ],
  WORKFLOW_HELP.workflow,
);

/** `name=value` pairs into an object; the value may itself contain "=". */
export function parseParams(pairs: readonly string[]): Record<string, string> {
  // No prototype: `--param __proto__=x` must set a parameter, not the object's prototype.
  const parameters = Object.create(null) as Record<string, string>;
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0)
      throw usage(
        `--param "${pair}" must look like name=value, e.g. --param playlist_id=37i9dQZF1DXcBWIGoYBM5M`,
      );
    parameters[pair.slice(0, at).trim()] = pair.slice(at + 1);
  }
  return parameters;
}

function usage(message: string): Error {
  return new InvalidInputError('CLI.BAD_PARAM', message);
}
