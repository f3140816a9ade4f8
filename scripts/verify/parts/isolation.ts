/**
 * Day 2, respond (only with day2): the custom action's isolate function (output
 * IsolateFunctionName) and the EventBridge rule that invokes it: enabled, the custom-action
 * pattern for the action "Isolate instance", the function its target.
 */
import { DescribeRuleCommand, ListRuleNamesByTargetCommand, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import { GetFunctionCommand } from '@aws-sdk/client-lambda';
import { CUSTOM_ACTION_EVENT, ISOLATE_ACTION } from '../../../lib/config/security-hub';
import { UNSET } from '../labels';
import { Observer } from '../observer';
import { resourceRows, Scope, VerifyPart } from '../part';
import { ExpectedRow } from '../types';

export const ISOLATE_FUNCTION_OUTPUT = 'IsolateFunctionName';
const FUNCTION = 'Lambda function isolate-instance';
const RULE = `EventBridge rule ${ISOLATE_ACTION.name}`;
/** How a row shows the function: its name is CloudFormation's, the stack's output names it. */
const THE_FUNCTION = `the function of output ${ISOLATE_FUNCTION_OUTPUT}`;

/** An event pattern as one line with its keys in a fixed order, so patterns compare as text. */
export function patternText(pattern: Record<string, unknown>): string {
  const order = ['source', 'detail-type', 'resources'];
  const keys = Object.keys(pattern).sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
  return JSON.stringify(Object.fromEntries(keys.map((k) => [k, pattern[k]])));
}

function expectedRows({ config, arn }: Scope): ExpectedRow[] {
  if (!config.day2) return [];
  const pattern = { source: [CUSTOM_ACTION_EVENT.source], 'detail-type': [CUSTOM_ACTION_EVENT.detailType], resources: [arn('securityhub', `action/custom/${ISOLATE_ACTION.id}`)] };
  return [
    ...resourceRows('lambdaFunction', FUNCTION, [['runtime', 'nodejs24.x']]),
    ...resourceRows('eventRule', RULE, [
      ['state', 'ENABLED'],
      ['event pattern', patternText(pattern)],
      ['target', THE_FUNCTION],
    ]),
  ];
}

async function observe(o: Observer): Promise<void> {
  if (!o.config.day2) return;
  const name = (await o.stackOutputs())[ISOLATE_FUNCTION_OUTPUT];
  let functionArn: string | undefined;
  await o.absentOn(FUNCTION, /ResourceNotFoundException/, async () => {
    if (!name) return o.exists(FUNCTION, false, `no output ${ISOLATE_FUNCTION_OUTPUT}`);
    const fn = (await o.c.lambda.send(new GetFunctionCommand({ FunctionName: name }))).Configuration;
    o.exists(FUNCTION, fn, fn?.FunctionName);
    functionArn = fn?.FunctionArn;
    o.val(FUNCTION, 'runtime', fn?.Runtime ?? UNSET);
  });
  if (!functionArn) return o.exists(RULE, false, 'no function to be the target of');
  await o.guard(RULE, async () => {
    const names = (await o.c.events.send(new ListRuleNamesByTargetCommand({ TargetArn: functionArn }))).RuleNames ?? [];
    const rules = await Promise.all(names.map((n) => o.c.events.send(new DescribeRuleCommand({ Name: n }))));
    const rule = rules.find((r) => (JSON.parse(r.EventPattern ?? '{}')['detail-type'] ?? []).includes(CUSTOM_ACTION_EVENT.detailType));
    o.exists(RULE, rule, rule?.Name);
    if (!rule) return;
    o.val(RULE, 'state', rule.State ?? UNSET);
    o.val(RULE, 'event pattern', patternText(JSON.parse(rule.EventPattern ?? '{}')));
    const targets = (await o.c.events.send(new ListTargetsByRuleCommand({ Rule: rule.Name }))).Targets ?? [];
    o.val(RULE, 'target', targets.some((t) => t.Arn === functionArn) ? THE_FUNCTION : targets.map((t) => t.Arn).join(', ') || UNSET);
  });
}

export const isolationPart: VerifyPart = { part: 'isolation', expectedRows, observe };
