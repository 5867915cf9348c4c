/**
 * One participant process of the event bench (forked by `eventBench.ts`): it plays its share of
 * the participants (`eventPerson.ts`), each with a control connection and a table document, and
 * answers the coordinator's requests with what they measured.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { EventRequests, FirstStates, WorkerResults } from './eventProtocol.js';
import { Person, type PersonSinks } from './eventPerson.js';
import { sleep } from './time.js';
import { serveRequests, type RequestMessage } from './workerChannel.js';

const LOOP_DELAY_RESOLUTION_MS = 10;
const people: Person[] = [];
const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
const sinks: PersonSinks = {
  editLatencies: [],
  reseatLatencies: [],
  phaseLateness: [],
  phaseDeadlines: [],
  writes: [],
  tallies: [],
  failures: [],
  cursorMoves: 0,
  controlRetries: 0,
};

async function connect({ people: specs, activity, timeoutMs }: EventRequests['connect']['request']): Promise<FirstStates> {
  for (const spec of specs) people.push(new Person(spec, activity, sinks));
  loopDelay.enable();
  const deadline = Date.now() + timeoutMs;
  while (people.some((p) => Number.isNaN(p.firstStateMs))) {
    if (Date.now() > deadline) {
      const missing = people.filter((p) => Number.isNaN(p.firstStateMs)).length;
      throw new Error(
        `${missing} of ${people.length} control connections had no state after ${timeoutMs / 1000} s; ${sinks.failures.slice(0, 3).join('; ')}`,
      );
    }
    await sleep(20);
  }
  return { ms: Float64Array.from(people, (p) => p.firstStateMs), at: Float64Array.from(people, (p) => p.firstStateAt) };
}

function finish(): WorkerResults {
  loopDelay.disable();
  for (const person of people) person.finish();
  const failures = [...sinks.failures];
  for (const person of people) if (person.docFailure) failures.push(`${person.spec.name}: document: ${person.docFailure}`);
  let awarenessMessages = 0;
  let awarenessBytes = 0;
  for (const person of people) {
    awarenessMessages += person.awareness.messages;
    awarenessBytes += person.awareness.bytes;
  }
  return {
    editLatencies: Float64Array.from(sinks.editLatencies),
    reseatLatencies: Float64Array.from(sinks.reseatLatencies),
    phaseLateness: Float64Array.from(sinks.phaseLateness),
    phaseDeadlines: Float64Array.from(sinks.phaseDeadlines),
    writes: sinks.writes,
    tallies: sinks.tallies,
    awarenessMessages,
    awarenessBytes,
    cursorMoves: sinks.cursorMoves,
    controlRetries: sinks.controlRetries,
    // The histogram holds whole timer intervals; the delay is what exceeds the resolution.
    loopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_DELAY_RESOLUTION_MS),
    failures: failures.slice(0, 5),
    failureCount: failures.length,
  };
}

async function handle(message: RequestMessage<EventRequests>): Promise<unknown> {
  switch (message.type) {
    case 'connect':
      return connect(message);
    case 'progress':
      return { seated: people.filter((p) => p.seated).length, failures: sinks.failures.length };
    case 'finish':
      return finish();
    case 'close':
      await Promise.all(people.map((p) => p.close()));
      return null;
  }
}

serveRequests<EventRequests>(handle);
