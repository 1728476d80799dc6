import { createGenerator } from 'ts-json-schema-generator';

// What both schema scripts read from kubernetes-types: the kinds the simulator serves, and each
// kind's JSON Schema definitions as ts-json-schema-generator derives them.

/** The served kinds and the kubernetes-types file that declares each. */
export const SERVED_KINDS: Readonly<Record<string, string>> = {
  Pod: 'core/v1.d.ts',
  Node: 'core/v1.d.ts',
  Namespace: 'core/v1.d.ts',
  Event: 'core/v1.d.ts',
  Binding: 'core/v1.d.ts',
  ReplicaSet: 'apps/v1.d.ts',
  Deployment: 'apps/v1.d.ts',
  Lease: 'coordination/v1.d.ts',
  PriorityClass: 'scheduling/v1.d.ts',
};

/**
 * Returns every definition the served kinds' types produce, each passed through `compact`;
 * `jsDoc` 'extended' keeps descriptions. Throws if two kinds disagree on a shared definition.
 */
export function definitionsOf<T>(
  jsDoc: 'none' | 'extended',
  compact: (name: string, definition: unknown) => T,
): Record<string, T> {
  const definitions: Record<string, T> = {};
  for (const [kind, file] of Object.entries(SERVED_KINDS)) {
    const generator = createGenerator({
      path: `node_modules/kubernetes-types/${file}`,
      type: kind,
      tsconfig: 'scripts/tsconfig.schema.json',
      skipTypeCheck: true,
      expose: 'export',
      topRef: true,
      jsDoc,
    });
    const schema = generator.createSchema(kind) as { definitions?: Record<string, unknown> };
    for (const [name, def] of Object.entries(schema.definitions ?? {})) {
      const next = compact(name, def);
      const prior = definitions[name];
      if (prior && JSON.stringify(prior) !== JSON.stringify(next))
        throw new Error(`conflicting definitions of ${name}`);
      definitions[name] = next;
    }
  }
  return definitions;
}
