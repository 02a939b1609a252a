import { resolveServerUrlForCommand } from '../connection.ts';
import type { MigrationPlan } from '../plan-schema.ts';
import { terminalPasswordPrompt, type ServerRole, type ServerUrl } from '../source-url.ts';

/**
 * plan.json keeps URLs without passwords (`user:****@` when the original had one): the password is
 * taken again from WAREVIEW_SOURCE_PASSWORD / WAREVIEW_TARGET_PASSWORD, or asked on a terminal when
 * the server refuses the account without one.
 */
export async function resolvePlanServer(
  plan: MigrationPlan,
  role: ServerRole,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ServerUrl> {
  const withoutMarker = plan[role].url.replace(/:\*\*\*\*@/, '@');
  const prompt = terminalPasswordPrompt();
  return resolveServerUrlForCommand(withoutMarker, role, { env, ...(prompt ? { prompt } : {}) });
}

export async function resolvePlanServers(
  plan: MigrationPlan,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ source: ServerUrl; target: ServerUrl }> {
  const source = await resolvePlanServer(plan, 'source', env);
  const target = await resolvePlanServer(plan, 'target', env);
  return { source, target };
}
