import { describe, expect, it } from "vitest";
import { requireUser } from "@/lib/auth/require-user";
import { listUsers } from "@/lib/auth/user-directory";
import { call } from "../helpers/call";
import { createTestUser, type TestUser } from "../helpers/users";

const routes = {
  revoke: () => import("@/app/api/admin/users/[id]/revoke/route"),
  user: () => import("@/app/api/admin/users/[id]/route"),
};
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1_100 - (Date.now() % 1000)));
const works = (user: TestUser) =>
  requireUser(
    new Request("http://localhost:3000/api/integrations", {
      headers: { authorization: `Bearer ${user.token}` },
    }),
  ).then(
    () => true,
    () => false,
  );

async function revoke(caller: TestUser, id: number | string) {
  const { POST } = await routes.revoke();
  return call(POST, `/api/admin/users/${id}/revoke`, {
    method: "POST",
    headers: caller.headers,
    params: { id: String(id) },
  });
}

async function patch(caller: TestUser, id: number | string, body: unknown) {
  const { PATCH } = await routes.user();
  return call(PATCH, `/api/admin/users/${id}`, {
    method: "PATCH",
    headers: caller.headers,
    params: { id: String(id) },
    body,
  });
}

describe("admin: people", () => {
  it("an admin signs anyone out everywhere; nobody else can", async () => {
    const [admin, person, stranger] = [
      await createTestUser("admin"),
      await createTestUser(),
      await createTestUser(),
    ];
    await nextSecond();
    expect(await revoke(stranger, person.id)).toMatchObject({ status: 403 });
    expect(await works(person)).toBe(true);
    expect(await revoke(admin, person.id)).toMatchObject({ status: 200, json: { success: true } });
    expect(await works(person)).toBe(false);
    expect(await works(stranger)).toBe(true);
    expect(await revoke(admin, 999_999_999)).toMatchObject({ status: 404 });
    expect(await revoke(admin, "abc")).toMatchObject({ status: 404 });
  });

  it("an admin disables and enables anyone but themselves; old tokens stay ended", async () => {
    const [admin, person] = [await createTestUser("admin"), await createTestUser()];
    await nextSecond();
    expect(await patch(admin, person.id, { disabled: true })).toMatchObject({ status: 200 });
    expect(await works(person)).toBe(false);
    expect(await patch(admin, person.id, { disabled: false })).toMatchObject({ status: 200 });
    expect(await works(person)).toBe(false);
    expect(await patch(admin, admin.id, { disabled: true })).toMatchObject({
      status: 409,
      json: { code: "self_disable" },
    });
    expect(await works(admin)).toBe(true);
    expect(await patch(admin, person.id, { disabled: "yes" })).toMatchObject({ status: 400 });
    expect(await patch(await createTestUser(), admin.id, { disabled: true })).toMatchObject({ status: 403 });
  });

  it("lists people newest first, searched by email or name, with their key counts", async () => {
    const person = await createTestUser("user", "directory");
    const { users } = await listUsers({ q: person.email });
    expect(users).toEqual([
      expect.objectContaining({
        id: person.id,
        email: person.email,
        disabled: false,
        passwordless: false,
        keys: 0,
      }),
    ]);
    expect(
      (await listUsers({ q: "%" })).users.every((u) => u.email.includes("%") || u.name?.includes("%")),
    ).toBe(true);
  });
});
