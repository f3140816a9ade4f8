/**
 * Estimated wall time of a CloudFormation stack create, from the template alone (no AWS, no CDK).
 *
 * CloudFormation starts a resource as soon as every resource it depends on is complete and runs
 * everything else in parallel, so a stack takes about the longest chain of typical create times
 * (create-times.ts) plus a fixed per-stack overhead. A resource depends on another one through
 * DependsOn (string or list), Ref, Fn::GetAtt (both forms) and Fn::Sub (`${X}`, `${X.Attr}`), anywhere
 * in its Properties; refs to parameters and pseudo parameters (AWS::Region, ...) are not edges.
 *
 * Several stacks: a stack depends on another one through Fn::ImportValue of the other's export or the
 * assembly manifest's dependencies. `cdk deploy --all` deploys them one after the other in dependency
 * order; `--concurrency N` starts a stack once its dependency stacks are done and fewer than N run.
 */
import { STACK_OVERHEAD_SECONDS, typicalCreateSeconds } from './create-times';

export { CREATE_SECONDS, STACK_OVERHEAD_SECONDS, typicalCreateSeconds } from './create-times';

/** A resource as the estimator sees it: its type and what it waits for. */
export interface ResourceNode {
  readonly type: string;
  /** Logical ids in the same template it depends on, sorted. */
  readonly dependsOn: string[];
  /** `Stack/LogicalId` of the resources of other stacks whose exports it imports (sorted, if any). */
  readonly imports?: string[];
}

export interface StackGraph {
  readonly name: string;
  /** Names of the stacks this one waits for. */
  readonly dependencies: string[];
  readonly resources: Record<string, ResourceNode>;
}

export interface PathStep { readonly id: string; readonly type: string; readonly seconds: number }

export interface StackEstimate {
  readonly name: string;
  readonly resources: number;
  /** Longest chain of typical create times plus the per-stack overhead. */
  readonly seconds: number;
  /** The chain itself, first resource first. */
  readonly criticalPath: PathStep[];
}

export interface Schedule {
  readonly seconds: number;
  readonly stacks: { readonly name: string; readonly start: number; readonly end: number }[];
}

type Json = unknown;
type Template = { Resources?: Record<string, { Type: string; DependsOn?: string | string[]; Properties?: Json }>; Outputs?: Record<string, { Value?: Json; Export?: { Name?: Json } }> };

/** Names referenced by Ref, Fn::GetAtt and Fn::Sub anywhere in a value (all names, filtered by the caller). */
function referencedNames(value: Json, into: Set<string>): void {
  if (Array.isArray(value)) { value.forEach((v) => referencedNames(v, into)); return; }
  if (value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value as Record<string, Json>)) {
    if (key === 'Ref' && typeof v === 'string') into.add(v);
    else if (key === 'Fn::GetAtt' && typeof v === 'string') into.add(v.split('.')[0]);
    else if (key === 'Fn::GetAtt' && Array.isArray(v) && typeof v[0] === 'string') { into.add(v[0]); referencedNames(v.slice(1), into); }
    else if (key === 'Fn::Sub' && (typeof v === 'string' || Array.isArray(v))) {
      const [text, vars] = typeof v === 'string' ? [v, {}] : [v[0], v[1] ?? {}];
      const local = new Set(Object.keys(vars as object));
      // `${X}` and `${X.Attr}`; `${!X}` is a literal.
      for (const m of String(text).matchAll(/\$\{([^!}][^}]*)\}/g)) {
        const name = m[1].trim().split('.')[0];
        if (!local.has(name)) into.add(name);
      }
      referencedNames(vars, into);
    } else referencedNames(v, into);
  }
}

/** The logical ids of `resourceIds` a resource depends on (DependsOn and references in its Properties). */
export function resourceDependencies(
  resource: { DependsOn?: string | string[]; Properties?: Json },
  resourceIds: ReadonlySet<string>,
): string[] {
  const names = new Set<string>([resource.DependsOn ?? []].flat());
  referencedNames(resource.Properties, names);
  return [...names].filter((n) => resourceIds.has(n)).sort();
}

/** Literal export names a value imports through Fn::ImportValue (computed names are not followed). */
export function importedExports(value: Json, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => importedExports(v, into));
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value as Record<string, Json>)) {
      if (key === 'Fn::ImportValue' && typeof v === 'string') into.add(v);
      else importedExports(v, into);
    }
  }
  return into;
}

/**
 * The dependency graphs of a set of templates. `dependencies` (e.g. the manifest's) may name
 * artifacts that are not stacks here (asset manifests): those are dropped.
 */
export function templateGraphs(stacks: { name: string; template: Json; dependencies?: string[] }[]): StackGraph[] {
  const names = new Set(stacks.map((s) => s.name));
  const exports = new Map<string, { stack: string; ids: string[] }>();
  for (const { name, template } of stacks) {
    const t = template as Template;
    const ids = new Set(Object.keys(t.Resources ?? {}));
    for (const output of Object.values(t.Outputs ?? {})) {
      const exportName = output.Export?.Name;
      if (typeof exportName === 'string') exports.set(exportName, { stack: name, ids: resourceDependencies({ Properties: output.Value }, ids) });
    }
  }
  return stacks.map(({ name, template, dependencies = [] }) => {
    const t = template as Template;
    const ids = new Set(Object.keys(t.Resources ?? {}));
    const stackDeps = new Set(dependencies.filter((d) => names.has(d) && d !== name));
    const resources: Record<string, ResourceNode> = {};
    for (const [id, r] of Object.entries(t.Resources ?? {})) {
      const imports = [...importedExports(r.Properties)].flatMap((e) => {
        const source = exports.get(e);
        if (!source) return [];
        stackDeps.add(source.stack);
        return source.ids.map((rid) => `${source.stack}/${rid}`);
      });
      resources[id] = { type: r.Type, dependsOn: resourceDependencies(r, ids), ...(imports.length ? { imports: [...new Set(imports)].sort() } : {}) };
    }
    return { name, dependencies: [...stackDeps].sort(), resources };
  });
}

/** Longest chain of typical create times through one stack's graph, plus the per-stack overhead. */
export function estimateStack(graph: StackGraph, createSeconds = typicalCreateSeconds): StackEstimate {
  const finish = new Map<string, { seconds: number; via?: string }>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = finish.get(id);
    if (known) return known.seconds;
    if (visiting.has(id)) throw new Error(`${graph.name}: dependency cycle through ${id}`);
    visiting.add(id);
    let start = 0;
    let via: string | undefined;
    for (const dep of graph.resources[id].dependsOn) {
      if (!(dep in graph.resources)) continue;
      const end = visit(dep);
      if (end > start) [start, via] = [end, dep];
    }
    visiting.delete(id);
    const seconds = start + createSeconds(graph.resources[id].type);
    finish.set(id, { seconds, via });
    return seconds;
  };
  let last: string | undefined;
  let longest = 0;
  for (const id of Object.keys(graph.resources)) {
    const s = visit(id);
    if (s > longest) [longest, last] = [s, id];
  }
  const criticalPath: PathStep[] = [];
  for (let id = last; id; id = finish.get(id)!.via) {
    const type = graph.resources[id].type;
    criticalPath.unshift({ id, type, seconds: createSeconds(type) });
  }
  return { name: graph.name, resources: Object.keys(graph.resources).length, seconds: longest + STACK_OVERHEAD_SECONDS, criticalPath };
}

/**
 * Stacks of known durations, started in the given order as soon as their dependency stacks are done
 * and fewer than `concurrency` are running. Concurrency 1 is `cdk deploy --all` (in series).
 * Dependencies outside the set are ignored.
 */
export function scheduleStacks(stacks: { name: string; dependencies: string[]; seconds: number }[], concurrency: number): Schedule {
  const names = new Set(stacks.map((s) => s.name));
  const done = new Map<string, number>();
  const running: { name: string; start: number; end: number }[] = [];
  const result: Schedule['stacks'] = [];
  const pending = [...stacks];
  let now = 0;
  while (pending.length || running.length) {
    for (let i = 0; i < pending.length && running.length < concurrency; ) {
      const s = pending[i];
      if (s.dependencies.every((d) => !names.has(d) || done.has(d))) {
        running.push({ name: s.name, start: now, end: now + s.seconds });
        pending.splice(i, 1);
      } else i++;
    }
    if (!running.length) throw new Error(`stack dependency cycle among ${pending.map((s) => s.name).join(', ')}`);
    now = Math.min(...running.map((r) => r.end));
    for (const r of running.filter((x) => x.end === now)) {
      done.set(r.name, now);
      result.push(r);
      running.splice(running.indexOf(r), 1);
    }
  }
  return { seconds: now, stacks: result };
}

/**
 * All stacks as ONE template: imports become edges to the exporting resources. Logical ids that occur
 * in more than one stack (CDKMetadata) are kept apart as `Stack/Id`.
 */
export function mergeStacks(graphs: StackGraph[], name: string): StackGraph {
  const count = new Map<string, number>();
  graphs.forEach((g) => Object.keys(g.resources).forEach((id) => count.set(id, (count.get(id) ?? 0) + 1)));
  const key = (stack: string, id: string) => ((count.get(id) ?? 0) > 1 ? `${stack}/${id}` : id);
  const resources: Record<string, ResourceNode> = {};
  for (const g of graphs) {
    for (const [id, r] of Object.entries(g.resources)) {
      const imported = (r.imports ?? []).map((q) => { const i = q.indexOf('/'); return key(q.slice(0, i), q.slice(i + 1)); });
      resources[key(g.name, id)] = { type: r.type, dependsOn: [...r.dependsOn.map((d) => key(g.name, d)), ...imported].sort() };
    }
  }
  return { name, dependencies: [], resources };
}

export interface AssemblyEstimate {
  readonly stacks: StackEstimate[];
  /** `cdk deploy --all`: one stack after the other. */
  readonly series: Schedule;
  /** `cdk deploy --all --concurrency N`. */
  readonly concurrent: Schedule;
  readonly concurrency: number;
  /** The same resources as one template (for one stack: that stack). */
  readonly oneTemplate: StackEstimate;
}

export function estimateAssembly(graphs: StackGraph[], concurrency = 3): AssemblyEstimate {
  const stacks = graphs.map((g) => estimateStack(g));
  const timed = graphs.map((g, i) => ({ name: g.name, dependencies: g.dependencies, seconds: stacks[i].seconds }));
  return {
    stacks,
    series: scheduleStacks(timed, 1),
    concurrent: scheduleStacks(timed, concurrency),
    concurrency,
    oneTemplate: graphs.length === 1 ? stacks[0] : estimateStack(mergeStacks(graphs, 'one template')),
  };
}
