/** What went wrong with a form or an action, announced as it appears. Renders nothing without one. */
export function FormError({ message, className = "" }: { message?: string; className?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className={`text-sm text-red-600 ${className}`}>
      {message}
    </p>
  );
}
