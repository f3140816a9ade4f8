/**
 * The app's side of the Wazuh hand-off: the output that carries the reader role's ARN. The
 * template-reading side (bucket, folder, role from a synthesized template) is in
 * scripts/operator/template.ts, where the operator commands read templates.
 */

/** Output of the investigation stack that holds the reader role's ARN (only when the role exists). */
export const WAZUH_ROLE_OUTPUT = 'WazuhRoleArn';

/** Output that holds the external id the reader role requires (only when the wazuhExternalId setting is set). */
export const WAZUH_EXTERNAL_ID_OUTPUT = 'WazuhExternalId';
