export { describeMessage, headersOf, readOffsets, readTopic, type OffsetRange, type ReadMessage, type ReadOptions } from './read-topic';
export { redriveDeadLetters, redriveLogTopicOf, type RedriveResult } from './redrive-dead-letters';
export { describeTopics, type TopicOverview } from './topic-overview';
