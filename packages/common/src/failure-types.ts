/** `type` of the non-retryable ApplicationFailure raised when the card is declined. */
export const CARD_DECLINED = 'CardDeclined';
