// `narada workflow validate`: every problem of a workflow file, found without running anything. A
// parameter with no value is not a problem of the file: it is listed as needed for a run. Each
// problem carries its severity and, where the file has it, its line and column.
import { withPositions } from '../../../domain/workflow/json-positions.js';
import type { WorkflowIssue } from '../../../domain/workflow/workflow-definition.js';
import { ownValue, placeholdersIn } from '../../../domain/workflow/workflow-parameters.js';
import { parseWorkflowText } from '../../../domain/workflow/workflow-parser.js';
import type { NodeRegistry } from '../../workflow/node-registry.js';
import { checkWorkflow } from '../../workflow/workflow-checks.js';

const PARAMETER_VALUE_CODES = new Set(['WORKFLOW.MISSING_PARAMETER', 'WORKFLOW.UNRESOLVED_PARAMETER']);

export interface WorkflowValidation {
  /** No errors; there may be warnings. */
  readonly valid: boolean;
  readonly workflow: { readonly id: string; readonly name: string; readonly tasks: number } | null;
  /** Errors, then warnings, each with its severity. */
  readonly issues: readonly WorkflowIssue[];
  /** Parameters a run must be given with --param (their tasks' config is checked once they are). */
  readonly needsParameters: readonly string[];
}

export interface ValidateWorkflowRequest {
  readonly text: string;
  readonly parameters?: Readonly<Record<string, string>>;
  readonly fallbackId?: string;
  /** Warnings count as errors. */
  readonly strict?: boolean;
}

export class ValidateWorkflow {
  constructor(private readonly registry: NodeRegistry) {}

  validate(request: ValidateWorkflowRequest): WorkflowValidation {
    const { definition, issues, warnings } = checkWorkflow(request, this.registry);
    // An unresolved placeholder close to a declared name is a typo, not a value to pass.
    const typo = (issue: WorkflowIssue): boolean => issue.hint?.startsWith('did you mean') ?? false;
    const problems = issues.filter((issue) => !PARAMETER_VALUE_CODES.has(issue.code) || typo(issue));
    const typos = new Set(problems.filter(typo).map((issue) => /\{\{(.+?)\}\}/.exec(issue.message)?.[1]));
    const needsParameters = neededParameters(request).filter((name) => !typos.has(name));
    const parsed = parseWorkflowText(request.text, { fallbackId: request.fallbackId }).definition;
    const summary = definition ?? (problems.length === 0 ? parsed : null);
    const errors = problems.map((issue) => ({ ...issue, severity: 'error' as const }));
    return {
      valid: problems.length === 0,
      workflow: summary && { id: summary.id, name: summary.name, tasks: summary.tasks.length },
      issues: withPositions(request.text, [...errors, ...warnings]),
      needsParameters,
    };
  }
}

/** Required parameters without a default, and undeclared placeholders, that were not given. */
function neededParameters(request: ValidateWorkflowRequest): string[] {
  const parsed = parseWorkflowText(request.text, { fallbackId: request.fallbackId }).definition;
  if (parsed === null) return [];
  const given = request.parameters ?? {};
  const declared = new Map(parsed.parameters.map((parameter) => [parameter.name, parameter]));
  const referenced = new Set(parsed.tasks.flatMap((task) => placeholdersIn(task.config)));
  const needed = new Set<string>();
  for (const parameter of parsed.parameters) {
    if (
      ownValue(given, parameter.name) === undefined &&
      parameter.defaultValue === undefined &&
      parameter.required
    ) {
      needed.add(parameter.name);
    }
  }
  for (const name of referenced) {
    const parameter = declared.get(name);
    if (
      ownValue(given, name) === undefined &&
      (parameter === undefined || parameter.defaultValue === undefined)
    )
      needed.add(name);
  }
  return [...needed];
}
