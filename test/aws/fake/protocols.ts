/**
 * The wire formats of the AWS protocols the collectors use, as the real services answer: enough for the
 * real SDK clients to parse responses and errors exactly as they would from AWS.
 */
export type Protocol = 'ec2' | 'query' | 'json' | 'rest-xml';

export type FaultKind =
  'throttle' | 'server-error' | 'access-denied' | 'opt-in-required' | 'not-implemented' | 'html-server-error';

/** What a proxy or an emulator in front of the service answers: an HTML page, not a protocol error. */
export const HTML_SERVER_ERROR: Encoded = {
  status: 500,
  contentType: 'text/html; charset=utf-8',
  body: '<!doctype html>\n<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>',
};

const QUERY_NAMESPACES: Record<string, string> = {
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  rds: 'http://rds.amazonaws.com/doc/2014-10-31/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
};

/** Status and error code each protocol family uses for an injected fault. */
const FAULTS: Record<
  Exclude<FaultKind, 'html-server-error'>,
  Record<Protocol, { status: number; code: string; message: string }>
> = {
  throttle: {
    ec2: { status: 503, code: 'RequestLimitExceeded', message: 'Request limit exceeded.' },
    query: { status: 400, code: 'Throttling', message: 'Rate exceeded' },
    json: { status: 400, code: 'ThrottlingException', message: 'Rate exceeded' },
    'rest-xml': { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' },
  },
  'server-error': {
    ec2: { status: 500, code: 'InternalError', message: 'An internal error has occurred' },
    query: { status: 500, code: 'InternalFailure', message: 'An internal error has occurred' },
    json: { status: 500, code: 'InternalFailure', message: 'An internal error has occurred' },
    'rest-xml': {
      status: 500,
      code: 'InternalError',
      message: 'We encountered an internal error. Please try again.',
    },
  },
  'access-denied': {
    ec2: {
      status: 403,
      code: 'UnauthorizedOperation',
      message: 'You are not authorized to perform this operation.',
    },
    query: { status: 403, code: 'AccessDenied', message: 'User is not authorized to perform this action' },
    json: {
      status: 400,
      code: 'AccessDeniedException',
      message: 'User is not authorized to perform this action',
    },
    'rest-xml': { status: 403, code: 'AccessDenied', message: 'Access Denied' },
  },
  'not-implemented': {
    ec2: { status: 501, code: 'NotImplemented', message: 'The operation is not implemented.' },
    query: { status: 501, code: 'NotImplemented', message: 'The operation is not implemented.' },
    json: { status: 501, code: 'NotImplementedException', message: 'The operation is not implemented.' },
    'rest-xml': {
      status: 501,
      code: 'NotImplemented',
      message: 'A header you provided implies functionality that is not implemented',
    },
  },
  'opt-in-required': {
    ec2: {
      status: 401,
      code: 'AuthFailure',
      message: 'AWS was not able to validate the provided access credentials',
    },
    query: {
      status: 403,
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    },
    json: {
      status: 400,
      code: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    },
    'rest-xml': {
      status: 403,
      code: 'InvalidAccessKeyId',
      message: 'The AWS Access Key Id you provided does not exist in our records.',
    },
  },
};

export function faultError(kind: Exclude<FaultKind, 'html-server-error'>, protocol: Protocol) {
  return FAULTS[kind][protocol];
}

export interface Encoded {
  status: number;
  contentType: string;
  body: string;
}

export function encodeResult(
  protocol: Protocol,
  service: string,
  operation: string,
  body: string,
  requestId: string,
): Encoded {
  switch (protocol) {
    case 'ec2':
      return {
        status: 200,
        contentType: 'text/xml;charset=UTF-8',
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>${requestId}</requestId>${body}</${operation}Response>`,
      };
    case 'query':
      return {
        status: 200,
        contentType: 'text/xml',
        body: `<${operation}Response xmlns="${QUERY_NAMESPACES[service] ?? ''}"><${operation}Result>${body}</${operation}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`,
      };
    case 'json':
      return { status: 200, contentType: 'application/x-amz-json-1.1', body: body || '{}' };
    case 'rest-xml':
      // GetBucketPolicy answers with the policy document itself, as JSON.
      return body.startsWith('{')
        ? { status: 200, contentType: 'application/json', body }
        : {
            status: 200,
            contentType: 'application/xml',
            body: body ? `<?xml version="1.0" encoding="UTF-8"?>\n${body}` : '',
          };
  }
}

export function encodeError(
  protocol: Protocol,
  service: string,
  error: { status: number; code: string; message: string },
  requestId: string,
): Encoded {
  const { status, code, message } = error;
  switch (protocol) {
    case 'ec2':
      return {
        status,
        contentType: 'text/xml;charset=UTF-8',
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
      };
    case 'query':
      return {
        status,
        contentType: 'text/xml',
        body: `<ErrorResponse xmlns="${QUERY_NAMESPACES[service] ?? ''}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      };
    case 'json':
      return {
        status,
        contentType: 'application/x-amz-json-1.1',
        body: JSON.stringify({ __type: code, message }),
      };
    case 'rest-xml':
      return {
        status,
        contentType: 'application/xml',
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId></Error>`,
      };
  }
}
