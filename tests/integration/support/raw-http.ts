import { connect } from 'node:net';

// One HTTP exchange as bytes: the request written as given, the response read as it arrives
// (to its Content-Length, or to the end of the connection), so two servers' answers can be
// compared byte for byte, header order and spelling included.

/** The raw response text; the Date line, which only says when, replaced by `Date: -`. */
export function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, 'localhost');
    const chunks: Buffer[] = [];
    const head = request.startsWith('HEAD ');
    const done = () => {
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('utf8').replace(/^Date: [^\r]*\r$/m, 'Date: -\r'));
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const all = Buffer.concat(chunks);
      const end = all.indexOf('\r\n\r\n');
      if (end === -1) return;
      const length = /^content-length: *(\d+)\r$/im.exec(all.subarray(0, end).toString('latin1'))?.[1];
      if (length !== undefined && all.length >= end + 4 + (head ? 0 : Number(length))) done();
    });
    socket.on('end', done);
    socket.on('error', reject);
    socket.write(request);
  });
}

/** A request's text: the request line, then each header, then an empty line. */
export function requestText(method: string, target: string, headers: readonly (readonly [string, string])[], version = 'HTTP/1.1'): string {
  return `${method} ${target} ${version}\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
}
