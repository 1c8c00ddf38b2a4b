import type { Role } from "@/db/schema";

/** The authenticated caller, as every route handler and service receives it. */
export interface AuthUser {
  id: number;
  email: string;
  name: string | null;
  role: Role;
}

export const isAdmin = (user: AuthUser) => user.role === "admin";
