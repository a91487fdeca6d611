/** A page cursor this API did not sign (forged, edited, or signed with another secret). */
export class InvalidCursorError extends Error {
  constructor() {
    super('This page cursor is not valid; reload the first page.');
    this.name = 'InvalidCursorError';
  }
}
