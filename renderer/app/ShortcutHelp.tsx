import { Button, Kbd, Modal, Table, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { defineCatalogue } from '../components/catalogue';
import { isTyping } from './pageShortcuts';
import { AREAS } from './router';
import { SHORTCUTS } from './shortcuts';

const useShortcutsT = defineCatalogue(
  {
    'ui.keys.title': 'Keyboard shortcuts',
    'ui.keys.open': 'Shortcuts (?)',
    'ui.keys.goTo': 'Go to {area}',
    'ui.keys.search': 'Jump to the search box of a list',
    'ui.keys.intoResults': 'From the search box into the results; ↑ ↓ between them, Enter opens',
    'ui.keys.payment': 'Record a payment (on a client page)',
    'ui.keys.back': 'Back from an aging drill-down; closes a dialog',
    'ui.keys.help': 'This list',
  },
  {
    'ui.keys.title': 'Atajos de teclado',
    'ui.keys.open': 'Atajos (?)',
    'ui.keys.goTo': 'Ir a {area}',
    'ui.keys.search': 'Ir al cuadro de búsqueda de una lista',
    'ui.keys.intoResults': 'Del cuadro de búsqueda a los resultados; ↑ ↓ entre ellos, Enter abre',
    'ui.keys.payment': 'Registrar un pago (en la ficha de un cliente)',
    'ui.keys.back': 'Volver del detalle de antigüedad; cierra un diálogo',
    'ui.keys.help': 'Esta lista',
  },
);

function Keys({ keys }: { keys: string[] }) {
  return (
    <span className="nowrap">
      {keys.map((k, i) => (
        <span key={k}>
          {i > 0 && ' '}
          <Kbd size="xs">{k}</Kbd>
        </span>
      ))}
    </span>
  );
}

/** "?" anywhere (outside a text field) lists every shortcut; the navbar button does the same by mouse. */
export function ShortcutHelp() {
  const { t } = useShortcutsT();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // a screen with its own key list (Today) answers '?' first and marks the event handled
      if (e.key !== '?' || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const rows: [ReactNode, string][] = [
    ...AREAS.map((a): [ReactNode, string] => [<Keys key={a} keys={['G', SHORTCUTS[a].toUpperCase()]} />, t('ui.keys.goTo', { area: t(`ui.nav.${a}`) })]),
    [<Keys key="search" keys={['/']} />, t('ui.keys.search')],
    [<Keys key="into" keys={['↓', 'Enter']} />, t('ui.keys.intoResults')],
    [<Keys key="pay" keys={['P']} />, t('ui.keys.payment')],
    [<Keys key="esc" keys={['Esc']} />, t('ui.keys.back')],
    [<Keys key="help" keys={['?']} />, t('ui.keys.help')],
  ];
  return (
    <>
      <Button variant="subtle" size="compact-xs" color="gray" onClick={() => setOpen(true)} aria-keyshortcuts="?">
        {t('ui.keys.open')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('ui.keys.title')} size="lg">
        <Table fz="sm" verticalSpacing={4} data-testid="shortcut-list">
          <Table.Tbody>
            {rows.map(([keys, what], i) => (
              <Table.Tr key={i}>
                <Table.Td w={120}>{keys}</Table.Td>
                <Table.Td>
                  <Text size="sm">{what}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Modal>
    </>
  );
}
