// The protobuf wire format, as much as an OTLP trace export needs to be read: varints, 64- and 32-bit fixed
// fields and length-delimited ones (messages, strings, bytes, packed arrays). Unknown fields are skipped, as
// protobuf requires, so a newer exporter's additions never break the reading.

export class ProtobufError extends Error {}

export type Field = { number: number; wire: 0 | 1 | 2 | 5; varint: bigint; bytes: Uint8Array };

/** The fields of one message, in order; a repeated field appears once per value. */
export function* fields(buffer: Uint8Array): Generator<Field> {
  let at = 0;
  const varint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (at >= buffer.length) throw new ProtobufError("a varint runs past the end of the message");
      const byte = buffer[at++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return result;
    }
    throw new ProtobufError("a varint is longer than ten bytes");
  };
  const take = (length: number): Uint8Array => {
    if (length < 0 || at + length > buffer.length) throw new ProtobufError("a field runs past the end of the message");
    const bytes = buffer.subarray(at, at + length);
    at += length;
    return bytes;
  };
  while (at < buffer.length) {
    const key = varint();
    const number = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (number === 0) throw new ProtobufError("a field numbered 0");
    if (wire === 0) yield { number, wire, varint: varint(), bytes: EMPTY };
    else if (wire === 1) yield { number, wire, varint: 0n, bytes: take(8) };
    else if (wire === 2) yield { number, wire, varint: 0n, bytes: take(Number(varint())) };
    else if (wire === 5) yield { number, wire, varint: 0n, bytes: take(4) };
    else throw new ProtobufError(`wire type ${wire} (groups are not used by OTLP)`);
  }
}

const EMPTY = new Uint8Array(0);
const utf8 = new TextDecoder("utf-8", { fatal: false });

export const asString = (field: Field) => utf8.decode(field.bytes);
export const asHex = (field: Field) => Buffer.from(field.bytes).toString("hex");
/** A fixed64 field read as an unsigned integer (OTLP's nanosecond times). */
export const asFixed64 = (field: Field) =>
  new DataView(field.bytes.buffer, field.bytes.byteOffset, 8).getBigUint64(0, true);
export const asDouble = (field: Field) =>
  new DataView(field.bytes.buffer, field.bytes.byteOffset, 8).getFloat64(0, true);
/** A varint read as a signed 64-bit integer (int64 in two's complement). */
export const asInt64 = (field: Field) => BigInt.asIntN(64, field.varint);
