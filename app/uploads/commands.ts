import { commandsLoader } from '#core/plugins/commands_loader'

const loader = commandsLoader(new URL('./commands/', import.meta.url))
export const getMetaData = loader.getMetaData
export const getCommand = loader.getCommand
