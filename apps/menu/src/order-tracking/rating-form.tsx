'use client';

import { MAX_COMMENT_LENGTH } from '@delivery/common';
import { Button } from '@delivery/ui/button';
import { TextAreaField } from '@delivery/ui/field';
import { StarIcon } from '@delivery/ui/icons';
import { cx } from '@delivery/ui/lib/cx';
import { errorMessage, retryUnanswered } from '@delivery/ui/lib/api-errors';
import { newId } from '@delivery/ui/lib/new-id';
import { useState } from 'react';
import { toast } from 'sonner';
import { trpc } from '~/trpc';
import { useApplyOrderStatus } from './use-live-order';

const STARS = [1, 2, 3, 4, 5] as const;

export function RatingForm({ orderId }: { orderId: string }) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const applyStatus = useApplyOrderStatus(orderId);
  const rate = trpc.rateOrder.useMutation({
    retry: retryUnanswered,
    onSuccess: (status) => {
      applyStatus(status);
      toast.success('Thanks for rating your meal!');
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  return (
    <form
      className="space-y-4"
      data-testid="rating-form"
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = comment.trim();
        rate.mutate({
          orderId,
          stars,
          requestId: newId(),
          ...(trimmed ? { comment: trimmed } : {}),
        });
      }}
    >
      <fieldset disabled={rate.isPending}>
        <legend className="mb-2 font-semibold text-stone-900">How was your meal?</legend>
        <div className="flex gap-1">
          {STARS.map((value) => (
            <label
              key={value}
              className="grid size-11 cursor-pointer place-items-center rounded-lg has-focus-visible:outline-2 has-focus-visible:outline-brand-700"
            >
              <input
                type="radio"
                name="stars"
                value={value}
                checked={stars === value}
                onChange={() => setStars(value)}
                className="sr-only"
                data-testid={`star-${value}`}
              />
              <StarIcon
                className={cx(
                  'size-8 transition-colors',
                  value <= stars ? 'fill-amber-400 text-amber-500' : 'text-stone-400',
                )}
              />
              <span className="sr-only">
                {value} {value === 1 ? 'star' : 'stars'}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        label="Comment (optional)"
        value={comment}
        maxLength={MAX_COMMENT_LENGTH}
        onChange={(event) => setComment(event.target.value)}
        hint={`${comment.length}/${MAX_COMMENT_LENGTH}`}
        disabled={rate.isPending}
        data-testid="rating-comment"
      />
      <Button
        type="submit"
        disabled={stars === 0}
        pending={rate.isPending}
        pendingLabel="Sending…"
        data-testid="submit-rating"
      >
        Send rating
      </Button>
    </form>
  );
}

export function GivenRating({ stars, comment }: { stars: number; comment?: string }) {
  return (
    <div data-testid="given-rating">
      <p className="flex items-center gap-2 font-medium">
        You rated it
        <span className="flex" role="img" aria-label={`${stars} out of 5 stars`}>
          {STARS.map((value) => (
            <StarIcon
              key={value}
              className={cx(
                'size-5',
                value <= stars ? 'fill-amber-400 text-amber-500' : 'text-stone-300',
              )}
            />
          ))}
        </span>
      </p>
      {comment && <blockquote className="mt-1 text-stone-700 italic">“{comment}”</blockquote>}
    </div>
  );
}
