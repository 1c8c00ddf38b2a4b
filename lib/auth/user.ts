import type { Role } from "@/db/schema";
import type { ApiScope } from "./scopes";

/** The authenticated caller, as every route handler and service receives it. */
export interface AuthUser {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  /** Present when the caller is an API key: it may do only what its scopes name. */
  key?: { id: number; scopes: readonly ApiScope[] };
}

export const isAdmin = (user: AuthUser) => user.role === "admin";
