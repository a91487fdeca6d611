/** The drivers the tests act as; the kitchen's staff member is the harness's `KITCHEN`. */
export const dana = { id: 'dana', name: 'Dana' };
export const sam = { id: 'sam', name: 'Sam' };
