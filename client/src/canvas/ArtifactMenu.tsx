/** The small menu of an artifact: Open, Bring to front, Send to back, the owner's draft toggle, Delete. */
import { MenuButton, type MenuItem } from '../components/MenuButton.js';
import { Icon } from './icons.js';

/** Props of `ArtifactMenu`. */
export interface ArtifactMenuProps {
  label: string;
  readOnly: boolean;
  /** Only the person who put it on the table marks it draft. */
  isOwner: boolean;
  draft: boolean;
  onOpen(): void;
  onFront(): void;
  onBack(): void;
  onDraft(draft: boolean): void;
  onDelete(): void;
}

/** A "…" button opening the artifact's actions. */
export function ArtifactMenu({ label, readOnly, isOwner, draft, onOpen, onFront, onBack, onDraft, onDelete }: ArtifactMenuProps) {
  const items: MenuItem[] = [{ label: 'Open', onSelect: onOpen }];
  if (!readOnly) items.push({ label: 'Bring to front', onSelect: onFront }, { label: 'Send to back', onSelect: onBack });
  if (!readOnly && isOwner) items.push({ label: draft ? 'Remove draft mark' : 'Mark as draft', onSelect: () => onDraft(!draft) });
  if (!readOnly) items.push({ label: 'Delete', onSelect: onDelete, className: 'danger' });
  return (
    <MenuButton
      className="artifact-menu"
      buttonClassName="artifact-menu-button"
      buttonLabel={`Actions for ${label}`}
      menuLabel="Artifact actions"
      items={items}
    >
      <Icon name="more" />
    </MenuButton>
  );
}
