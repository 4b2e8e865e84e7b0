/**
 * Account administration against the configured database (DATABASE_URL or DATA_DIR):
 *
 *   npx tsx scripts/admin.ts create-user <username> <role> [district,district…]
 *   npx tsx scripts/admin.ts create-ingest-key <name>
 *   npx tsx scripts/admin.ts revoke-ingest-key <id>
 *   npx tsx scripts/admin.ts list-users | list-ingest-keys
 *   npx tsx scripts/admin.ts audit-verify          (npm run audit:verify)
 *
 * create-user reads the password from USER_PASSWORD, else from stdin (one line). Changes are
 * written to the audit log with the actor `cli`; audit-verify walks the audit chain and
 * exits 1 naming the first bad row.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createAccounts } from '../server/src/auth/accounts.js';
import { CLI_ACTOR, createAdminService } from '../server/src/admin/admin.service.js';
import { createAuditLog } from '../server/src/audit/audit-log.js';
import { verifyAuditChain } from '../server/src/audit/audit-chain.js';
import { loadStorageConfig } from '../server/src/config.js';
import { AppError } from '../server/src/errors.js';
import { openDb } from '../server/src/store/db.js';
import { migrate } from '../server/src/store/migrate.js';

/** Where the CLI reads and writes; injectable so tests run it in-process. */
export interface AdminIo {
  env: Record<string, string | undefined>;
  readPassword: () => Promise<string>;
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = `usage: admin.ts create-user <username> <leader|duty|grid|admin> [districts]
       admin.ts create-ingest-key <name>
       admin.ts revoke-ingest-key <id>
       admin.ts list-users | list-ingest-keys
       admin.ts audit-verify`;

/** Runs one command; resolves to the process exit code (0 ok, 1 failed, 2 usage). */
export async function runAdmin(argv: string[], io: AdminIo): Promise<number> {
  const [cmd, ...args] = argv;
  const arity: Record<string, [number, number]> = {
    'create-user': [2, 3],
    'create-ingest-key': [1, 1],
    'revoke-ingest-key': [1, 1],
    'list-users': [0, 0],
    'list-ingest-keys': [0, 0],
    'audit-verify': [0, 0],
  };
  const range = cmd ? arity[cmd] : undefined;
  if (!range || args.length < range[0] || args.length > range[1]) {
    io.err(USAGE);
    return 2;
  }
  const db = await openDb(loadStorageConfig(io.env));
  try {
    await migrate(db);
    const accounts = createAccounts(db);
    const admin = createAdminService({ db, audit: createAuditLog() });
    switch (cmd) {
      case 'create-user': {
        const [username, role, districts] = args as [string, string, string | undefined];
        const password = io.env.USER_PASSWORD ?? (await io.readPassword());
        const user = await admin.createUser(CLI_ACTOR, {
          username,
          password,
          role: role as never, // validated by the accounts schema
          districts: districts
            ? districts
                .split(',')
                .map((d) => d.trim())
                .filter(Boolean)
            : undefined,
        });
        io.out(`created user ${user.username} (${user.role}${user.districts ? `, districts ${user.districts.join(',')}` : ''})`);
        break;
      }
      case 'create-ingest-key': {
        const key = await admin.createKey(CLI_ACTOR, args[0]!);
        io.out(`id:   ${key.id}\nname: ${key.name}\nkey:  ${key.key}\n(the key is shown only this once; only its hash is stored)`);
        break;
      }
      case 'revoke-ingest-key':
        await admin.revokeKey(CLI_ACTOR, args[0]!);
        io.out(`revoked ${args[0]}`);
        break;
      case 'list-users':
        for (const u of await accounts.listUsers()) io.out(`${u.username}\t${u.role}\t${u.districts?.join(',') ?? '*'}`);
        break;
      case 'list-ingest-keys':
        for (const k of await accounts.listIngestKeys()) io.out(`${k.id}\t${k.name}\t${k.createdAt}\t${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}`);
        break;
      case 'audit-verify': {
        const check = await verifyAuditChain(db);
        if (!check.ok) {
          io.err(`audit chain broken at seq ${check.seq}: ${check.reason} (${check.rows} rows before it verified)`);
          return 1;
        }
        io.out(`audit chain intact: ${check.rows} rows, last seq ${check.lastSeq}`);
        break;
      }
    }
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    io.err(`${err.message}${err.issues.length ? '\n' + err.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n') : ''}`);
    return 1;
  } finally {
    await db.close();
  }
}

/** One line from stdin; on a terminal it prompts and does not echo. */
async function readPasswordFromStdin(): Promise<string> {
  const tty = process.stdin.isTTY;
  if (tty) process.stderr.write('Password: ');
  const muted = new Writable({ write: (_c, _e, cb) => cb() });
  const rl = createInterface({ input: process.stdin, output: tty ? muted : undefined, terminal: tty });
  try {
    for await (const line of rl) return line;
    return '';
  } finally {
    rl.close();
    if (tty) process.stderr.write('\n');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runAdmin(process.argv.slice(2), {
    env: process.env,
    readPassword: readPasswordFromStdin,
    out: (l) => console.log(l),
    err: (l) => console.error(l),
  }).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
