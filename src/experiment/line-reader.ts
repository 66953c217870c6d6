/**
 * Reads a text file line by line in blocks, without holding the file in memory.
 * Lines come back with their "\n" (so they can be copied byte for byte). Every
 * row orgsim writes is one line: messages in the error column are put on one line.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const BLOCK = 1 << 20;

export class LineReader {
  private readonly fd: number;
  private readonly decoder = new StringDecoder('utf8');
  private readonly block = Buffer.allocUnsafe(BLOCK);
  private text = '';
  private pos = 0;
  private eof = false;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
  }

  /** The next line with its "\n" (the last line may lack it), or undefined at the end. */
  next(): string | undefined {
    for (;;) {
      const nl = this.text.indexOf('\n', this.pos);
      if (nl >= 0) {
        const line = this.text.slice(this.pos, nl + 1);
        this.pos = nl + 1;
        return line;
      }
      if (this.eof) {
        const rest = this.text.slice(this.pos);
        this.text = '';
        this.pos = 0;
        return rest === '' ? undefined : rest;
      }
      const n = readSync(this.fd, this.block, 0, BLOCK, null);
      this.text = this.text.slice(this.pos) + (n > 0 ? this.decoder.write(this.block.subarray(0, n)) : this.decoder.end());
      this.pos = 0;
      if (n === 0) this.eof = true;
    }
  }

  *[Symbol.iterator](): Generator<string> {
    for (let line = this.next(); line !== undefined; line = this.next()) yield line;
  }

  close(): void {
    closeSync(this.fd);
  }
}
