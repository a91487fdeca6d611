/** Reads a password typed at the terminal without echoing it. */
export function promptPassword(question: string): Promise<string> {
  const { stdin, stdout } = process;
  if (!stdin.isTTY) {
    return Promise.reject(
      new Error('There is no terminal to type the password in: pipe it with --password-stdin.'),
    );
  }
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (done: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write('\n');
      done();
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') return finish(() => resolve(typed));
        if (character === '\u0003') return finish(() => reject(new Error('Cancelled.')));
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
        else typed += character;
      }
    };
    stdin.on('data', onData);
  });
}

/** Everything piped to stdin, without the line break `echo` adds. */
export async function readPasswordFromStdin(): Promise<string> {
  let piped = '';
  for await (const chunk of process.stdin) piped += String(chunk);
  return piped.replace(/\r?\n$/, '');
}
