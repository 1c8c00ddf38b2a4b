"use client";

// Passing confirmations (sonner), its code fetched on the first one.
export const toast = {
  success: (message: string) => void import("sonner").then(({ toast }) => toast.success(message)),
  error: (message: string) => void import("sonner").then(({ toast }) => toast.error(message)),
};
