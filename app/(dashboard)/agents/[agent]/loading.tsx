// Streams behind a page-shaped skeleton: a period still being counted then shows its message in place, not a 500.
export { PageSkeleton as default } from "@/components/ui/page-skeleton";
