import adapter from '@sveltejs/adapter-node';

/** A plain Node server (`node build`), like `next start` for the Next.js peer. */
export default {
  kit: { adapter: adapter() }
};
