import type { Rng } from './random';

const FIRST = [
  'Comercial',
  'Distribuidora',
  'Inversiones',
  'Corporación',
  'Importaciones',
  'Servicios',
  'Grupo',
  'Industrias',
  'Agroexportadora',
  'Constructora',
  'Ferretería',
  'Farmacia',
  'Textiles',
  'Transportes',
  'Librería',
  'Panificadora',
];
const SECOND = [
  'Andina',
  'del Sur',
  'El Sol',
  'Pacífico',
  'Los Olivos',
  'San Martín',
  'Santa Rosa',
  'Norteña',
  'Miraflores',
  'La Española',
  'Huallaga',
  'Cusco',
  'Arequipa',
  'Piura',
  'Amazonas',
  'Callao',
  'Lima Norte',
  'Chavín',
  'Titicaca',
  'Misti',
  'Ñuñoa',
  'Monterrey',
  'Bogotá',
  'Rosario',
];
const SUFFIX = ['S.A.C.', 'S.A.', 'E.I.R.L.', 'S.R.L.', 'S.A.A.'];
const PEOPLE = ['María', 'José', 'Lucía', 'Carlos', 'Rosa', 'Jorge', 'Ana', 'Luis', 'Carmen', 'Miguel', 'Patricia', 'Juan', 'Sofía', 'Diego'];
const SURNAMES = [
  'Quispe',
  'Flores',
  'Sánchez',
  'García',
  'Rodríguez',
  'Mamani',
  'Torres',
  'Ramírez',
  'Chávez',
  'Rojas',
  'Vargas',
  'Castillo',
  'Núñez',
  'Peña',
];

export const SEGMENTS = ['Retail', 'Mayorista', 'Corporativo', 'Gobierno', 'Pyme'] as const;
export const METHODS = ['transfer', 'transfer', 'transfer', 'deposit', 'cash', 'cheque', 'yape', 'plin', 'card'] as const;

export function companyName(r: Rng, i: number): string {
  const base = `${r.pick(FIRST)} ${r.pick(SECOND)}`;
  // an index keeps names unique enough to tell apart in a big book without looking machine-made
  return i < FIRST.length * SECOND.length ? `${base} ${r.pick(SUFFIX)}` : `${base} ${i % 97} ${r.pick(SUFFIX)}`;
}

export function personName(r: Rng): string {
  return `${r.pick(PEOPLE)} ${r.pick(SURNAMES)}`;
}

export function ruc(r: Rng): string {
  return `20${String(r.int(100000000, 999999999))}`;
}
