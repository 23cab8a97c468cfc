import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { records } from '$lib/server/store.js';

const SignUp = z.object({
  name: z.string().min(1).max(50),
  email: z.email(),
  age: z.coerce.number().int().min(13).max(130)
});

export function load() {
  return { team: 'team-42' };
}

export const actions = {
  default: async ({ request }) => {
    const data = await request.formData();
    const values = {
      name: String(data.get('name') ?? ''),
      email: String(data.get('email') ?? ''),
      age: String(data.get('age') ?? '')
    };
    const parsed = SignUp.safeParse(values);
    if (!parsed.success) {
      // The page renders again with the messages and what was typed (JavaScript on or off).
      return fail(422, { errors: z.flattenError(parsed.error).fieldErrors, values });
    }
    records.push({ team: String(data.get('team') ?? ''), ...parsed.data });
    redirect(303, '/signup/done');
  }
};
