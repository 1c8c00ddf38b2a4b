export * from "./users";
export * from "./integration-submissions";
