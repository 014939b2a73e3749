/** A tag as `getTags`, `addTag` and `editTag` answer it (docs/protocol/tags.md#tag-and-monitortag). */
export interface TagJson {
  id: number;
  name: string;
  color: string;
}

/**
 * An element of a monitor's `tags` (docs/protocol/tags.md#tag-and-monitortag): the link row joined with its tag, keys in
 * upstream's order (`mt.*, tag.name, tag.color`). Python matches links by
 * `{monitor_id, tag_id, value}`, so those keep their snake_case.
 */
export interface MonitorTagJson {
  id: number;
  monitor_id: number;
  tag_id: number;
  value: string | null;
  name: string;
  color: string;
}
