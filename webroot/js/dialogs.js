// The pages' two questions, asked in native <dialog>s (keyboard and screen-reader ready): a new title,
// and a confirmation before deleting.

function ask(dialog, prepare) {
  return new Promise((resolve) => {
    prepare();
    dialog.returnValue = '';
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.showModal();
  });
}

export async function askTitle(current) {
  const input = document.getElementById('rename-title');
  const ok = await ask(document.getElementById('rename-dialog'), () => { input.value = current; });
  const title = input.value.trim();
  return ok && title && title !== current ? title : null;
}

export function confirmDelete(title) {
  return ask(document.getElementById('delete-dialog'), () => {
    document.getElementById('delete-title').textContent = title;
  });
}
