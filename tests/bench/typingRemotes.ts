/**
 * The typing benchmark's cast (`typingLatency.ts`): a session with the local person and the remote
 * editors, the shared document with a paragraph each, and the remote editors themselves (real
 * y-websocket clients in this process) typing into their paragraphs and publishing their carets.
 */
import * as Y from 'yjs';
import { ArtifactField, ArtifactKind, TableRoot, type CreateSessionResponse, type JoinSessionResponse } from '@worktable/shared';
import { connectClient, postJson, waitFor, type YClient } from '@worktable/server/testing';
import { now } from './typingProbe.js';
import { sleep } from './time.js';

/** One person's participant credentials. */
export interface Member {
  name: string;
  participantId: string;
  token: string;
}

/** A remote editor: its client, its paragraph's text and its insert log. */
export interface RemoteEditor {
  member: Member;
  client: YClient;
  /** Index of its paragraph in the document. */
  block: number;
  text: Y.XmlText;
  /** Text it types, character by character, over and over. */
  script: string;
}

/** One remote insert: paragraph index, paragraph length after it, when (Node epoch ms). */
export type RemoteInsert = [block: number, length: number, at: number];

/** Names of the remote editors, in the order they join. */
const REMOTE_NAMES = ['Ada', 'Bruno', 'Chen', 'Dara', 'Eli', 'Farah', 'Gus', 'Hana'];
/** Their caret colours. */
const REMOTE_COLORS = ['#c0392b', '#2471a3', '#1e8449', '#8e44ad', '#b9770e', '#17a589', '#cb4335', '#5d6d7e'];
/** The name of the person typing in the browser. */
export const LOCAL_NAME = 'Local typist';

/** Creates a session and joins the local person and `remotes` remote editors through the API. */
export async function createSession(
  serverUrl: string,
  remotes: number,
): Promise<{ session: CreateSessionResponse; local: Member; remote: Member[] }> {
  const { body: session } = await postJson<CreateSessionResponse>(`${serverUrl}/api/sessions`, { title: 'Typing bench' });
  const join = async (name: string): Promise<Member> => {
    const { status, body } = await postJson<JoinSessionResponse>(`${serverUrl}/api/sessions/${session.sessionId}/join`, {
      inviteCode: session.inviteCode,
      name,
    });
    if (status !== 201) throw new Error(`join failed: ${status}`);
    return { name, participantId: body.participantId, token: body.token };
  };
  const local = await join(LOCAL_NAME);
  const remote: Member[] = [];
  for (let i = 0; i < remotes; i++) remote.push(await join(REMOTE_NAMES[i % REMOTE_NAMES.length] ?? `Remote ${i}`));
  return { session, local, remote };
}

/** A paragraph element of the TipTap schema holding `text`. */
function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** Puts a document on the table whose paragraphs start with each person's name; returns its id. */
export async function seedDocument(wsUrl: string, sessionId: string, author: Member, names: readonly string[]): Promise<string> {
  const client = connectClient(wsUrl, sessionId, 'table-1', author.token);
  await client.synced;
  const id = 'typing-doc';
  client.doc.transact(() => {
    const artifact = new Y.Map<unknown>();
    const content = new Y.XmlFragment();
    artifact.set(ArtifactField.Id, id);
    artifact.set(ArtifactField.Kind, ArtifactKind.Document);
    artifact.set(ArtifactField.X, 40);
    artifact.set(ArtifactField.Y, 40);
    artifact.set(ArtifactField.W, 520);
    artifact.set(ArtifactField.H, 520);
    artifact.set(ArtifactField.Z, 1);
    artifact.set(ArtifactField.CreatedBy, author.participantId);
    artifact.set(ArtifactField.CreatedByName, author.name);
    artifact.set(ArtifactField.CreatedAt, Date.now());
    artifact.set(ArtifactField.Title, 'Shared notes');
    artifact.set(ArtifactField.Content, content);
    content.insert(
      0,
      names.map((name) => paragraph(`${name}: `)),
    );
    client.doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).set(id, artifact);
  });
  await waitFor(() => client.provider.ws?.bufferedAmount === 0, 10_000, 'document sent');
  await sleep(300);
  client.destroy();
  return id;
}

/** The Y.XmlText of paragraph `block` of document `artifactId` in `doc`. */
export function paragraphText(doc: Y.Doc, artifactId: string, block: number): Y.XmlText {
  const artifact = doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).get(artifactId);
  const content = artifact?.get(ArtifactField.Content);
  const element = content instanceof Y.XmlFragment ? content.get(block) : undefined;
  const text = element instanceof Y.XmlElement ? element.get(0) : undefined;
  if (!(text instanceof Y.XmlText)) throw new Error(`paragraph ${block} of ${artifactId} is missing`);
  return text;
}

/** Publishes the editor's caret at the end of its paragraph, as the client's caret extension would. */
function publishCaret(editor: RemoteEditor): void {
  const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(editor.text, editor.text.length));
  editor.client.provider.awareness.setLocalStateField('docCaret', { anchor: position, head: position });
}

/** Connects remote editor `index` (paragraph `index + 1`) and publishes its presence and caret. */
export async function connectRemote(
  wsUrl: string,
  sessionId: string,
  artifactId: string,
  member: Member,
  index: number,
): Promise<RemoteEditor> {
  const client = connectClient(wsUrl, sessionId, 'table-1', member.token);
  await client.synced;
  const color = REMOTE_COLORS[index % REMOTE_COLORS.length] ?? '#555555';
  client.provider.awareness.setLocalStateField('user', {
    name: member.name,
    color,
    participantId: member.participantId,
    role: 'participant',
  });
  const block = index + 1;
  const script = `${member.name.toLowerCase()} adds point ${index + 1}: the evidence in section ${index + 2} supports the second reading. `;
  const editor: RemoteEditor = { member, client, block, text: paragraphText(client.doc, artifactId, block), script };
  publishCaret(editor);
  return editor;
}

/** Starts `editor` typing at a random 5–10 characters per second, logging each insert; returns a stop function. */
export function startTyping(editor: RemoteEditor, log: RemoteInsert[]): () => void {
  let typed = 0;
  let timer: NodeJS.Timeout | undefined;
  const typeOne = () => {
    const character = editor.script[typed % editor.script.length] ?? ' ';
    typed += 1;
    const at = now();
    editor.client.doc.transact(() => editor.text.insert(editor.text.length, character));
    log.push([editor.block, editor.text.length, at]);
    publishCaret(editor);
    timer = setTimeout(typeOne, 100 + Math.random() * 100);
  };
  timer = setTimeout(typeOne, Math.random() * 150);
  return () => clearTimeout(timer);
}
