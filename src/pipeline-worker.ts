/**
 * loadResolvedAside(file, opts): the model pipeline (loadResolved) on a worker thread, so a command
 * that needs two models (review: base and head) loads them at the same time on two cores. At
 * enterprise size each load is seconds of parsing and resolving; the IR comes back as JSON text,
 * a tenth of that. Same function, same IR, same issues: only where it runs differs.
 *
 * Run from the TypeScript sources (the Jest suite) there is no compiled file to start a worker
 * from, so the same loadResolved runs in-process instead; the built CLI always uses the worker.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { type ResolvedModel, ModelError, type Issue } from './model';
import { loadResolved, type LoadOptions } from './pipeline';

export interface LoadedAside {
  readonly ir: ResolvedModel;
  readonly warnings: readonly Issue[];
  /** The model file and every file it included (LoadedModel.files). */
  readonly files: readonly string[];
}

interface Job {
  readonly idcgenLoad: { readonly file: string; readonly opts: LoadOptions };
}

/**
 * The IR crosses as JSON text: it is plain data (test/review/review-worker.test.ts holds every
 * example's IR equal to its JSON round trip), and reading back JSON costs the main thread less than
 * structured-clone deserialisation (about 0.15 s against 0.2-0.5 s at enterprise size).
 */
type Reply =
  | { readonly loaded: Omit<LoadedAside, 'ir'> & { readonly irJson: string } }
  | { readonly modelError: { readonly issues: readonly Issue[]; readonly file: string } }
  | { readonly error: { readonly name: string; readonly message: string } };

/** Whether this module runs compiled (a worker can start from this very file). */
const COMPILED = __filename.endsWith('.js');

export function loadResolvedAside(file: string, opts: LoadOptions = {}): Promise<LoadedAside> {
  if (!COMPILED) {
    try {
      const { ir, warnings, loaded } = loadResolved(file, opts);
      return Promise.resolve({ ir, warnings, files: loaded.files });
    } catch (e) {
      return Promise.reject(e);
    }
  }
  return new Promise((resolve, reject) => {
    const job: Job = { idcgenLoad: { file, opts } };
    const worker = new Worker(__filename, { workerData: job });
    let settled = false;
    worker.once('message', (reply: Reply) => {
      settled = true;
      if ('loaded' in reply) resolve({ ir: JSON.parse(reply.loaded.irJson) as ResolvedModel, warnings: reply.loaded.warnings, files: reply.loaded.files });
      // Rebuilt on this side so callers still tell model errors (exit 1, file:line:col) from others.
      else if ('modelError' in reply) reject(new ModelError(reply.modelError.issues, reply.modelError.file));
      else reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the model loader for ${file} stopped (exit code ${code}) before it answered`));
    });
  });
}

/** The worker's side: load, answer once, and let the thread end. */
function answer(job: Job): Reply {
  try {
    const { ir, warnings, loaded } = loadResolved(job.idcgenLoad.file, job.idcgenLoad.opts);
    return { loaded: { irJson: JSON.stringify(ir), warnings, files: loaded.files } };
  } catch (e) {
    if (e instanceof ModelError) return { modelError: { issues: e.issues, file: e.file } };
    return { error: { name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) } };
  }
}

if (!isMainThread && (workerData as Partial<Job> | undefined)?.idcgenLoad) parentPort!.postMessage(answer(workerData as Job));
