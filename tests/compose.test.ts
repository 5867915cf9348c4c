/**
 * No container engine runs on the CI machines, so the compose file is checked statically: it
 * parses, the app service builds this repository, and every variable it sets is one the server
 * actually reads (a typo there would be silently ignored by the server).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_ENV_NAMES } from '@worktable/server/config';
import { REPO_ROOT } from './support/serverProcess.js';

interface ComposeService {
  build?: unknown;
  image?: string;
  profiles?: string[];
  environment?: Record<string, string> | string[];
  command?: string[];
}

const compose = parse(fs.readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};

function envNames(service: ComposeService): string[] {
  const env = service.environment ?? {};
  return Array.isArray(env) ? env.map((entry) => entry.split('=')[0] ?? '') : Object.keys(env);
}

describe('docker-compose.yml', () => {
  it('D1 runs the app from this repository with only variables the server reads', () => {
    const app = compose.services.app;
    expect(app?.build).toBe('.');
    expect(fs.existsSync(path.join(REPO_ROOT, 'Dockerfile'))).toBe(true);
    const names = envNames(app!);
    for (const name of ['HOST', 'PORT', 'DATA_DIR']) expect(names).toContain(name);
    for (const name of names) expect(CONFIG_ENV_NAMES, `${name} is not read by the server`).toContain(name);
  });

  it('D2 scale-out: two app nodes on the same Postgres, Redis and token secret, behind a load balancer', () => {
    for (const name of ['node1', 'node2', 'lb', 'postgres', 'redis']) expect(compose.services[name]?.profiles, name).toContain('scale-out');
    const env = (name: string) => compose.services[name]?.environment as Record<string, string>;
    for (const name of ['node1', 'node2']) {
      for (const variable of envNames(compose.services[name]!))
        expect(CONFIG_ENV_NAMES, `${variable} is not read by the server`).toContain(variable);
      expect(env(name).DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(env(name).REDIS_URL).toBe('redis://redis:6379');
    }
    expect(env('node1').TOKEN_SECRET).toBe(env('node2').TOKEN_SECRET);
    const nginx = fs.readFileSync(path.join(REPO_ROOT, 'deploy/nginx.conf'), 'utf8');
    expect(nginx).toMatch(/server node1:8080;[\s\S]*server node2:8080;/);
    expect(nginx).toContain('proxy_set_header Upgrade $http_upgrade;');
    expect(nginx).not.toMatch(/^\s*(ip_hash|sticky|hash )/m);
  });

  it('D3 calls: coturn checks the credentials the app derives from the same TURN_SECRET', () => {
    const turn = compose.services.turn;
    expect(turn?.profiles).toContain('calls');
    const command = turn?.command ?? [];
    expect(command).toContain('--use-auth-secret');
    expect(command.find((arg) => arg.startsWith('--static-auth-secret='))).toMatch(/\$\{TURN_SECRET:\?/);
    const app = compose.services.app?.environment as Record<string, string>;
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a docker compose interpolation, not a template
    expect(app.TURN_SECRET).toBe('${TURN_SECRET:-}');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a docker compose interpolation, not a template
    expect(app.ICE_SERVERS).toBe('${ICE_SERVERS:-}');
  });
});
