// The shop's one error shape: what went wrong and what to do next, in the
// buyer's/developer's language (issue 7: errors say what to do next). The JSON
// API answers {error: {code, message, next}}; pages show the same two lines.
import { IamportApiError } from '../iamport/api-error';

export class ShopError extends Error {
  override readonly name = 'ShopError';

  constructor(
    readonly httpStatus: number,
    /** Stable, for code and tests: ORDER_NOT_FOUND, AMOUNT_MISMATCH, ... */
    readonly code: string,
    message: string,
    /** The next step, a full sentence. */
    readonly next: string,
  ) {
    super(message);
  }

  toJSON() {
    return { code: this.code, message: this.message, next: this.next };
  }
}

/** The service answered, or failed to answer, a REST call: say which, and what the developer can do. */
export function fromIamportError(error: IamportApiError, sandboxUrl: string): ShopError {
  switch (error.kind) {
    case 'unreachable':
      return new ShopError(
        502,
        'SANDBOX_UNREACHABLE',
        `결제 서비스(샌드박스, ${sandboxUrl})에 연결할 수 없습니다.`,
        '샌드박스가 실행 중인지 확인하세요: 저장소에서 npm start (또는 npm run sandbox). 다른 주소에서 돌고 있다면 SANDBOX_URL을 맞춰 주세요.',
      );
    case 'bad_credentials':
      return new ShopError(
        502,
        'BAD_API_KEYS',
        `샌드박스가 상점의 REST API 키/시크릿을 거부했습니다: ${error.message}`,
        `콘솔(${sandboxUrl}/console)의 내 식별코드・API Keys에서 키를 확인하세요. 시크릿을 재발급했다면 새 시크릿으로 상점을 다시 시작해야 합니다.`,
      );
    case 'unauthorized':
      return new ShopError(502, 'TOKEN_REFUSED', `새로 발급받은 access token도 거부되었습니다: ${error.message}`, '상점 서버를 다시 시작해 보세요. 계속되면 샌드박스 로그를 확인하세요.');
    case 'forbidden':
      return new ShopError(
        502,
        'UNKNOWN_TIER',
        `샌드박스가 하위가맹점(Tier) 요청을 거부했습니다: ${error.message}`,
        `콘솔(${sandboxUrl}/console)의 하위가맹점 목록에 상점이 쓰는 티어코드가 있는지 확인하세요.`,
      );
    case 'not_found':
      return new ShopError(
        404,
        'PAYMENT_NOT_FOUND',
        `샌드박스에 해당 결제 정보가 없습니다 (${error.call}): ${error.message}`,
        '결제창이 돌려준 imp_uid인지, 같은 가맹점(하위가맹점)의 결제인지 확인하세요. 주문 페이지에서 다시 결제할 수 있습니다.',
      );
    case 'refused':
      return new ShopError(502, 'SANDBOX_REFUSED', `샌드박스가 요청을 거절했습니다 (${error.call}): ${error.message}`, '잠시 후 다시 시도하고, 계속되면 샌드박스 로그를 확인하세요.');
    case 'protocol':
      return new ShopError(
        502,
        'SANDBOX_ERROR',
        `샌드박스의 응답을 이해할 수 없습니다 (${error.call}, HTTP ${error.httpStatus ?? '-'}): ${error.message}`,
        `SANDBOX_URL(${sandboxUrl})이 imp-checkout 샌드박스를 가리키는지 확인하세요.`,
      );
  }
}

/** Runs a REST step, turning the client's errors into ShopErrors. */
export async function viaSandbox<T>(sandboxUrl: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof IamportApiError) throw fromIamportError(error, sandboxUrl);
    throw error;
  }
}
