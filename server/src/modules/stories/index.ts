// The stories module's public face: most significant change stories and their selection rounds.
export { createStoriesService, type StoriesService } from './stories.service.ts';
export { createRoundsService, type RoundsService } from './rounds.service.ts';
export { registerStoryRoutes } from './stories.routes.ts';
export { storiesPolicy } from './stories.policy.ts';
