// Class names that turn a table into cards below 768 px: each row a block, each cell a line with
// its column's name (the cell's data-label) before it. One DOM for both widths, so controls and
// their labels exist once. The header stays for screen readers.
export const stacked = {
  table: "max-md:block",
  head: "max-md:sr-only",
  body: "max-md:block",
  row: "max-md:block max-md:px-4 max-md:py-3",
  cell: "max-md:flex max-md:min-h-11 max-md:items-center max-md:gap-3 max-md:px-0 max-md:py-1 max-md:before:w-28 max-md:before:shrink-0 max-md:before:text-xs max-md:before:text-slate-500 max-md:before:content-[attr(data-label)]",
};
