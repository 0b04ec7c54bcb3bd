import { defineCatalogue } from '../../components/catalogue';

const en = {
  'ui.books.title': 'Books',
  'ui.books.intro': 'Each book is its own data file, for example one per company. A new book starts empty: the demo data stays in the book it was loaded into.',
  'ui.books.current': 'Open book',
  'ui.books.recent': 'Recent books',
  'ui.books.none': 'No other book yet.',
  'ui.books.missing': 'not found',
  'ui.books.open': 'Open',
  'ui.books.path': 'Book file',
  'ui.books.pathHint': 'The full path of a .sqlite file, e.g. /home/ana/Cartera/andina.sqlite or C:\\Users\\Ana\\Documents\\andina.sqlite.',
  'ui.books.openPath': 'Open this book',
  'ui.books.create': 'Create a new book',
  'ui.books.switched': 'Now working in the book {name}.',
  'ui.books.desktopHint': 'In the desktop app, File → New book and Open book do the same with the usual dialogs.',
};

const es: { [K in keyof typeof en]: string } = {
  'ui.books.title': 'Libros',
  'ui.books.intro':
    'Cada libro es su propio archivo de datos, por ejemplo uno por empresa. Un libro nuevo empieza vacío: los datos de demostración se quedan en el libro donde se cargaron.',
  'ui.books.current': 'Libro abierto',
  'ui.books.recent': 'Libros recientes',
  'ui.books.none': 'Todavía no hay otro libro.',
  'ui.books.missing': 'no encontrado',
  'ui.books.open': 'Abrir',
  'ui.books.path': 'Archivo del libro',
  'ui.books.pathHint': 'La ruta completa de un archivo .sqlite, p. ej. C:\\Users\\Ana\\Documents\\andina.sqlite o /home/ana/Cartera/andina.sqlite.',
  'ui.books.openPath': 'Abrir este libro',
  'ui.books.create': 'Crear un libro nuevo',
  'ui.books.switched': 'Ahora trabaja en el libro {name}.',
  'ui.books.desktopHint': 'En la aplicación de escritorio, Archivo → Nuevo libro y Abrir libro hacen lo mismo con los diálogos habituales.',
};

export const useBooksT = defineCatalogue(en, es);
