// "Nothing here for you": thrown by loaders and handlers, answered by the error handler with the
// not-found page (core/http/errors.tsx), the same page as an unknown address.
export class NotFound extends Error {
  readonly statusCode = 404;
  constructor() {
    super('Not found');
  }
}

export function notFound(): never {
  throw new NotFound();
}
