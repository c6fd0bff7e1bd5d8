/** What a command may touch of the outside world; only bin/roledex.js builds it from `process`. */
export interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export const write = (stream: NodeJS.WritableStream, text: string) => {
  stream.write(text.endsWith("\n") ? text : `${text}\n`);
};
